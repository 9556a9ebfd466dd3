package ai.iceos.blueprint.partial;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.TestKafka;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartialSuggestionsTest {
  @Test
  void shouldSuggestAModelAfterATool() {
    var nodes = TestKafka.json("[{\"id\": \"load\", \"type\": \"tool\", \"tool_name\": \"x\"}]");

    var suggestions = PartialSuggestions.suggest(nodes, Set.of(), 3);

    assertThat(suggestions.get(0).type()).isEqualTo("llm");
    assertThat(suggestions.get(0).template().path("dependencies").get(0).asText())
        .isEqualTo("load");
    assertThat(suggestions)
        .extracting(PartialSuggestions.Suggestion::confidence)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(suggestions.get(1).template().path("id").asText())
        .as("a fresh id")
        .isEqualTo("load_2");
  }

  @Test
  void shouldKeepOnlyAllowedTypesAndTopK() {
    var nodes = TestKafka.json("[{\"id\": \"s\", \"type\": \"llm\"}]");

    assertThat(PartialSuggestions.suggest(nodes, Set.of("human"), 3))
        .extracting(PartialSuggestions.Suggestion::type)
        .containsExactly("human");
    assertThat(PartialSuggestions.suggest(TestKafka.json("[]"), Set.of(), 1)).hasSize(1);
  }
}
