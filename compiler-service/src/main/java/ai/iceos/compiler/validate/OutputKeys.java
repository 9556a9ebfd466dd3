package ai.iceos.compiler.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The top-level keys a node's declared {@code output_schema} promises (SPEC §1.2): the {@code
 * properties} of a JSON Schema, or the fields of the simple map form ({@code {"text": "string"}}).
 * None when the schema does not name its keys: a JSON Schema without {@code properties} or with
 * {@code additionalProperties} other than {@code false} (absent counts as closed: the declared
 * properties are the contract), or an object that is not all type names.
 */
final class OutputKeys {
  private static final Set<String> SCHEMA_KEYWORDS =
      Set.of("$schema", "$ref", "type", "items", "anyOf", "oneOf", "allOf", "enum", "const");

  private OutputKeys() {}

  static Optional<Set<String>> declared(JsonNode schema) {
    if (schema == null || !schema.isObject() || schema.isEmpty()) {
      return Optional.empty();
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      JsonNode additional = schema.get("additionalProperties");
      if (additional != null && !(additional.isBoolean() && !additional.asBoolean())) {
        return Optional.empty();
      }
      return Optional.of(names(properties));
    }
    for (String keyword : SCHEMA_KEYWORDS) {
      if (schema.has(keyword) && !schema.get(keyword).isTextual()) {
        return Optional.empty();
      }
    }
    boolean simpleMap = true;
    for (JsonNode value : schema) {
      simpleMap &= value.isTextual();
    }
    boolean jsonSchemaType = schema.has("type") && schema.size() == 1;
    return simpleMap && !jsonSchemaType ? Optional.of(names(schema)) : Optional.empty();
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new HashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
