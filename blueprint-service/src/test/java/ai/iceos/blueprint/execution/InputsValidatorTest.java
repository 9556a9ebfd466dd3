package ai.iceos.blueprint.execution;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class InputsValidatorTest {
  private static final String SCHEMA =
      "{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{"
          + "\"name\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\",\"minimum\":1}}}";

  @Test
  void shouldAcceptValidInputs() throws Exception {
    assertThat(InputsValidator.validate(json(SCHEMA), json("{\"name\":\"x\",\"n\":2}"))).isEmpty();
  }

  @Test
  void shouldPointUnderInputsAtEachBadField() throws Exception {
    var problems = InputsValidator.validate(json(SCHEMA), json("{\"n\":0}"));

    assertThat(problems)
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder("/inputs/name", "/inputs/n");
    assertThat(problems).extracting(Violation::code).contains("required", "minimum");
  }

  @Test
  void shouldAcceptAnythingWithoutASchema() throws Exception {
    assertThat(InputsValidator.validate(null, json("{\"n\":0}"))).isEmpty();
  }

  @Test
  void shouldNeverLoadARemoteReference() throws Exception {
    var problems =
        InputsValidator.validate(json("{\"$ref\":\"http://127.0.0.1:9/schema.json\"}"), json("{}"));

    assertThat(problems).extracting(Violation::code).containsExactly("unusable-schema");
    assertThat(problems.get(0).detail()).contains("not allowed");
  }

  private static JsonNode json(String text) throws Exception {
    return IceosJson.mapper().readTree(text);
  }
}
