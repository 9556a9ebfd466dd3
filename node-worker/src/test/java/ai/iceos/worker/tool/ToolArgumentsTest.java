package ai.iceos.worker.tool;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ToolArgumentsTest {
  private static final JsonNode SCHEMA =
      json(
          """
          {"type": "object", "properties": {
            "item": {"type": "object"}, "name": {"type": "string"},
            "margin_percent": {"type": "number", "default": 25}}}
          """);

  @Test
  void shouldTakeExplicitArgumentsOverScopeOverDefaults() {
    JsonNode scope = json("{\"inputs\": {}, \"item\": {\"a\": 1}, \"name\": \"from-dependency\"}");

    JsonNode args = ToolArguments.assemble(SCHEMA, json("{\"name\": \"explicit\"}"), scope);

    assertThat(args)
        .isEqualTo(json("{\"item\": {\"a\": 1}, \"name\": \"explicit\", \"margin_percent\": 25}"));
  }

  @Test
  void shouldNeverFillAParameterFromARunInputImplicitly() {
    // given: the run input "name" is flattened into the scope, as SPEC §1.4 says
    JsonNode scope = json("{\"inputs\": {\"name\": \"iceOS\"}, \"name\": \"iceOS\", \"item\": {}}");

    // when
    JsonNode args = ToolArguments.assemble(SCHEMA, json("{}"), scope);

    // then
    assertThat(args.has("name")).isFalse();
    assertThat(args.path("item").isObject()).isTrue();
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
