package ai.iceos.compiler.validate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicSchemaCheckTest {
  private final PublicSchemaCheck check = new PublicSchemaCheck();

  @Test
  void shouldReportWhatThePublishedSchemaRejectsWithAPointer() {
    JsonNode document = json("{\"nodes\": [{\"id\": \"a\", \"type\": \"tool\", \"retries\": -1}]}");

    List<Violation> problems = check.uncovered(document, List.of());

    assertThat(problems)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.code()).isEqualTo(PublicSchemaCheck.CODE))
        .anySatisfy(p -> assertThat(p.pointer()).startsWith("/nodes/0"));
  }

  @Test
  void shouldLeaveOutWhatARuleAlreadyReportedAtOrAroundTheSamePlace() {
    JsonNode document = json("{\"nodes\": [{\"id\": \"a\", \"type\": \"tool\", \"retries\": -1}]}");
    List<Violation> reported =
        List.of(
            new Violation("/nodes/0/tool_name", "missing-field", "missing"),
            new Violation("/nodes/0/retries", "out-of-range", "negative"));

    assertThat(check.uncovered(document, reported)).isEmpty();
  }

  @Test
  void shouldAcceptAValidBlueprint() {
    JsonNode document =
        json("{\"nodes\": [{\"id\": \"a\", \"type\": \"tool\", \"tool_name\": \"echo\"}]}");

    assertThat(check.uncovered(document, List.of())).isEmpty();
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
