package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.NodeTask;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** Builds node tasks for tests. */
final class Tasks {
  private Tasks() {}

  static NodeTask task(NodeSpec node, String scope, long timeoutMs) {
    return task(node, scope, timeoutMs, 1);
  }

  static NodeTask task(NodeSpec node, String scope, long timeoutMs, int attempt) {
    return new NodeTask(
        UUID.randomUUID(),
        NodeTask.taskIdOf("exec-1", node.id(), attempt),
        "exec-1",
        "org-1",
        node.id(),
        attempt,
        node,
        json(scope),
        timeoutMs,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
