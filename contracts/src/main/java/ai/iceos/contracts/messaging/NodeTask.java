package ai.iceos.contracts.messaging;

import ai.iceos.contracts.blueprint.NodeSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One attempt of one node, for a node-worker, on {@link Topics#NODE_TASKS} keyed by {@code taskId}.
 * A worker may receive the same task twice (at-least-once); the scheduler applies only the first
 * outcome of an attempt.
 *
 * @param taskId {@code <executionId>:<nodeId>:<attempt>} (see {@link #taskIdOf})
 * @param attempt 1 for the first attempt
 * @param scope the node's template scope (SPEC §1.4): {@code inputs}, each direct dependency's
 *     output under its id, input mapping names, {@code execution}
 * @param timeoutMs the attempt's deadline, counted from when the worker starts it
 * @param executionStartedAt when the task's execution started, or null when the sender does not say
 *     (absent in JSON); a worker with more tasks than free slots starts those of earlier executions
 *     first
 */
public record NodeTask(
    UUID messageId,
    String taskId,
    String executionId,
    String orgId,
    String nodeId,
    int attempt,
    NodeSpec node,
    JsonNode scope,
    long timeoutMs,
    Instant occurredAt,
    Instant executionStartedAt)
    implements IceosMessage {
  public NodeTask {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
    Objects.requireNonNull(nodeId, "node_id");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(scope, "scope");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1");
    }
    scope = scope.deepCopy();
  }

  /** A task that does not say when its execution started. */
  public NodeTask(
      UUID messageId,
      String taskId,
      String executionId,
      String orgId,
      String nodeId,
      int attempt,
      NodeSpec node,
      JsonNode scope,
      long timeoutMs,
      Instant occurredAt) {
    this(
        messageId,
        taskId,
        executionId,
        orgId,
        nodeId,
        attempt,
        node,
        scope,
        timeoutMs,
        occurredAt,
        null);
  }

  /** The task id of an attempt: stable, so a redelivered task keeps it. */
  public static String taskIdOf(String executionId, String nodeId, int attempt) {
    return executionId + ":" + nodeId + ":" + attempt;
  }
}
