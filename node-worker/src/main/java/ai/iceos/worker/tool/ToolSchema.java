package ai.iceos.worker.tool;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Parses the JSON Schema literals that tools declare (draft 2020-12). */
public final class ToolSchema {
  private ToolSchema() {}

  public static JsonNode parse(String json) {
    try {
      return IceosJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid schema literal", e);
    }
  }
}
