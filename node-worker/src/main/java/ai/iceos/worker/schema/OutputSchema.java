package ai.iceos.worker.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Reads a node's {@code output_schema} (SPEC §1.2) as JSON Schema. Two forms are accepted: a JSON
 * Schema, or the simple map form {@code {"text": "string", "count": "int"}} in which every field is
 * required and typed by a short name. An object whose values are all strings and that uses none of
 * JSON Schema's structural keywords is the simple form.
 */
public final class OutputSchema {
  private static final Set<String> SCHEMA_KEYWORDS =
      Set.of(
          "$schema",
          "$ref",
          "$id",
          "$defs",
          "type",
          "properties",
          "items",
          "required",
          "allOf",
          "anyOf",
          "oneOf",
          "not",
          "enum",
          "const",
          "additionalProperties",
          "patternProperties");
  private static final Map<String, String> SIMPLE_TYPES =
      Map.ofEntries(
          Map.entry("string", "string"),
          Map.entry("str", "string"),
          Map.entry("text", "string"),
          Map.entry("int", "integer"),
          Map.entry("integer", "integer"),
          Map.entry("float", "number"),
          Map.entry("number", "number"),
          Map.entry("double", "number"),
          Map.entry("bool", "boolean"),
          Map.entry("boolean", "boolean"),
          Map.entry("list", "array"),
          Map.entry("array", "array"),
          Map.entry("dict", "object"),
          Map.entry("object", "object"),
          Map.entry("map", "object"),
          Map.entry("null", "null"));

  private OutputSchema() {}

  /** The declared schema as JSON Schema; a JSON Schema is returned unchanged. */
  public static JsonNode toJsonSchema(JsonNode declared) {
    if (!isSimpleForm(declared)) {
      return declared;
    }
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode properties = json.objectNode();
    declared
        .properties()
        .forEach(e -> properties.set(e.getKey(), simpleType(e.getValue().textValue())));
    ObjectNode schema = json.objectNode().put("type", "object");
    schema.set("properties", properties);
    schema.set(
        "required",
        json.arrayNode()
            .addAll(
                declared.properties().stream()
                    .map(e -> (JsonNode) json.textNode(e.getKey()))
                    .toList()));
    return schema;
  }

  static boolean isSimpleForm(JsonNode declared) {
    if (!declared.isObject() || declared.isEmpty()) {
      return false;
    }
    for (var field : declared.properties()) {
      if (SCHEMA_KEYWORDS.contains(field.getKey()) || !field.getValue().isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode simpleType(String name) {
    String type = SIMPLE_TYPES.get(name.strip().toLowerCase(java.util.Locale.ROOT));
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    return type == null ? schema : schema.put("type", type);
  }
}
