package ai.iceos.blueprint.partial;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.TestKafka;
import ai.iceos.contracts.blueprint.Violation;
import org.junit.jupiter.api.Test;

class PartialValidatorTest {
  @Test
  void shouldReportIdsTypesRequiredFieldsAndDependencies() {
    var nodes =
        TestKafka.json(
            """
            [{"id": "a", "type": "tool"},
             {"id": "a", "type": "llm", "model": "m", "prompt": "p"},
             {"id": "9x", "type": "ai"},
             {"id": "c", "type": "code", "dependencies": ["zz"]}]
            """);

    assertThat(PartialValidator.validate(nodes))
        .extracting(Violation::pointer, Violation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/nodes/1/id", "duplicate-id"),
            org.assertj.core.groups.Tuple.tuple("/nodes/2/id", "invalid-id"),
            org.assertj.core.groups.Tuple.tuple("/nodes/0/tool_name", "missing-field"),
            org.assertj.core.groups.Tuple.tuple("/nodes/2/type", "unknown-type"),
            org.assertj.core.groups.Tuple.tuple("/nodes/3/code", "missing-field"),
            org.assertj.core.groups.Tuple.tuple("/nodes/3/dependencies/0", "unknown-dependency"));
  }

  @Test
  void shouldAcceptCompleteNodes() {
    var nodes =
        TestKafka.json(
            """
            [{"id": "a", "type": "tool", "tool_name": "echo"},
             {"id": "b", "type": "human", "prompt_message": "ok?", "dependencies": ["a"]}]
            """);

    assertThat(PartialValidator.validate(nodes)).isEmpty();
  }
}
