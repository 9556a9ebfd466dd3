package ai.iceos.worker.tool;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Parses the JSON Schema literals that built-in tools declare. */
final class ToolSchema {
  private ToolSchema() {}

  static JsonNode parse(String json) {
    try {
      return IceosJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid schema literal", e);
    }
  }
}
