package ai.iceos.worker.schema;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OutputSchemaTest {
  private final SchemaValidator validator = new SchemaValidator();

  @Test
  void shouldTurnSimpleFormIntoRequiredTypedProperties() {
    JsonNode schema = OutputSchema.toJsonSchema(json("{\"text\": \"string\", \"count\": \"int\"}"));

    assertThat(validator.validate(schema, json("{\"text\": \"a\", \"count\": 2}"))).isEmpty();
    assertThat(validator.validate(schema, json("{\"text\": \"a\", \"count\": \"2\"}"))).hasSize(1);
    assertThat(validator.validate(schema, json("{\"text\": \"a\"}"))).hasSize(1);
  }

  @Test
  void shouldKeepJsonSchemaAsIs() {
    JsonNode declared = json("{\"type\": \"object\", \"required\": [\"a\"]}");

    assertThat(OutputSchema.toJsonSchema(declared)).isSameAs(declared);
    assertThat(validator.validate(declared, json("{}"))).hasSize(1);
  }

  @Test
  void shouldAcceptAnyValueForUnknownSimpleTypeNames() {
    JsonNode schema = OutputSchema.toJsonSchema(json("{\"x\": \"whatever\"}"));

    assertThat(validator.validate(schema, json("{\"x\": [1]}"))).isEmpty();
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
