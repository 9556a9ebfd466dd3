package ai.iceos.compiler.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON type a blueprint field must have. {@code null} is treated as an absent field. */
enum JsonKind {
  STRING("a string"),
  INTEGER("an integer"),
  NUMBER("a number"),
  BOOLEAN("a boolean"),
  OBJECT("an object"),
  ARRAY("an array"),
  ANY("any value");

  private final String description;

  JsonKind(String description) {
    this.description = description;
  }

  boolean accepts(JsonNode value) {
    return switch (this) {
      case STRING -> value.isTextual();
      case INTEGER -> value.isIntegralNumber();
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case OBJECT -> value.isObject();
      case ARRAY -> value.isArray();
      case ANY -> true;
    };
  }

  /** "a string", "an integer"…, for details. */
  String description() {
    return description;
  }

  /** How a value that was found is described: "a string", "null"… */
  static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      case OBJECT, POJO -> "an object";
      case ARRAY -> "an array";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }
}
