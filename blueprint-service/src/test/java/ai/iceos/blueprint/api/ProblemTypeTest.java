package ai.iceos.blueprint.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {
  @Test
  void shouldHaveUniqueTypeUris() {
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates();
  }

  @Test
  void shouldMapFrameworkStatusesToGenericProblems() {
    assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(ProblemType.forStatus(413)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.MALFORMED_JSON);
    assertThat(ProblemType.forStatus(599)).isEqualTo(ProblemType.INTERNAL);
  }

  @Test
  void shouldSummarizeEveryViolationCountInTheDetail() {
    var e =
        ProblemException.invalid(
            ProblemType.INVALID_BLUEPRINT,
            java.util.List.of(
                new ai.iceos.contracts.blueprint.Violation("/nodes", "cycle", "a -> b -> a"),
                new ai.iceos.contracts.blueprint.Violation("/x", "unknown-field", "x")));

    assertThat(e.getMessage()).isEqualTo("2 problems found; first: a -> b -> a");
  }
}
