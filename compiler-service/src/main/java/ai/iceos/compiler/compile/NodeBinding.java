package ai.iceos.compiler.compile;

import ai.iceos.contracts.blueprint.Blueprint;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Binds a validated document to the contracts model. A partial {@code retry_policy} gets its
 * defaults first (max_attempts 3, exponential, 1.0 s), because the contracts' {@code RetryPolicy}
 * has no absent state for its fields; everything else binds as submitted.
 */
final class NodeBinding {
  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final String DEFAULT_BACKOFF_STRATEGY = "exponential";
  static final double DEFAULT_BACKOFF_SECONDS = 1.0;

  private NodeBinding() {}

  static Blueprint bind(JsonNode document) {
    ObjectNode copy = document.deepCopy();
    for (JsonNode node : copy.path("nodes")) {
      JsonNode policy = node.get("retry_policy");
      if (policy instanceof ObjectNode retry) {
        putIfAbsent(retry, "max_attempts", DEFAULT_MAX_ATTEMPTS);
        putIfAbsent(retry, "backoff_strategy", DEFAULT_BACKOFF_STRATEGY);
        putIfAbsent(retry, "backoff_seconds", DEFAULT_BACKOFF_SECONDS);
      }
    }
    try {
      return IceosJson.mapper().treeToValue(copy, Blueprint.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a validated blueprint did not bind: " + e.getOriginalMessage(), e);
    }
  }

  private static void putIfAbsent(ObjectNode object, String field, Object value) {
    JsonNode current = object.get(field);
    if (current == null || current.isNull()) {
      object.set(field, IceosJson.mapper().valueToTree(value));
    }
  }
}
