package ai.iceos.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds call arguments from a tool's JSON Schema, deterministically: each declared property gets
 * its {@code default}, else its first {@code examples} entry, else {@code const}, else its first
 * {@code enum} value, else a value of its type (a string property gets {@code text}, numbers their
 * {@code minimum} or 0, booleans false, arrays empty, objects built recursively).
 */
final class ToolArguments {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  private ToolArguments() {}

  /** Arguments for {@code schema} (may be null: no parameters), using {@code text} for strings. */
  static ObjectNode from(JsonNode schema, String text) {
    return objectFor(schema, text, 0);
  }

  private static ObjectNode objectFor(JsonNode schema, String text, int depth) {
    ObjectNode arguments = JSON.objectNode();
    if (schema == null || depth > MAX_DEPTH) {
      return arguments;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      arguments.set(property.getKey(), valueFor(property.getValue(), text, depth));
    }
    return arguments;
  }

  private static JsonNode valueFor(JsonNode schema, String text, int depth) {
    if (schema.has("default")) {
      return schema.get("default").deepCopy();
    }
    if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
      return schema.path("examples").get(0).deepCopy();
    }
    if (schema.has("const")) {
      return schema.get("const").deepCopy();
    }
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return schema.path("enum").get(0).deepCopy();
    }
    return switch (typeOf(schema)) {
      case "integer" -> JSON.numberNode(schema.path("minimum").asLong(0));
      case "number" -> JSON.numberNode(schema.path("minimum").decimalValue());
      case "boolean" -> JSON.booleanNode(false);
      case "array" -> JSON.arrayNode();
      case "object" -> objectFor(schema, text, depth + 1);
      case "null" -> JSON.nullNode();
      default -> JSON.textNode(text);
    };
  }

  /** The schema's type; for a type list, the first that is not {@code null}. */
  private static String typeOf(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode candidate : type) {
        if (!"null".equals(candidate.asText())) {
          return candidate.asText();
        }
      }
      return "null";
    }
    if (type.isMissingNode() && schema.has("properties")) {
      return "object";
    }
    return type.asText("string");
  }
}
