package ai.iceos.worker.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SwarmAnswersTest {
  @Test
  void shouldTakeTheLastAnswerLineOrTheWholeText() {
    assertThat(SwarmAnswers.answerOf("Thinking...\nANSWER: 12\nanswer:  42 ")).isEqualTo("42");
    assertThat(SwarmAnswers.answerOf("  just this  ")).isEqualTo("just this");
  }

  @Test
  void shouldCountAnswersThatDifferOnlyInCaseSpacingQuotesAndFinalPunctuationAsOneVote() {
    assertThat(SwarmAnswers.normalized("\"The  Blue\tone.\""))
        .isEqualTo(SwarmAnswers.normalized("the blue one!"))
        .isEqualTo("the blue one");
    assertThat(SwarmAnswers.normalized("blue")).isNotEqualTo(SwarmAnswers.normalized("blues"));
    assertThat(Consensus.largestGroup(List.of("x", "Y", "y.", "X"))).containsExactly(0, 3);
  }

  @Test
  void shouldReadOnlyBidsAboveZeroAndAtMostOne() {
    assertThat(SwarmAnswers.bidOf("sure: {\"bid\": 0.7, \"reason\": \"fit\"}"))
        .isEqualTo(OptionalDouble.of(0.7));
    assertThat(SwarmAnswers.bidOf("{\"bid\": \" 1 \"}")).isEqualTo(OptionalDouble.of(1.0));
    for (String invalid :
        List.of("{\"bid\": 0}", "{\"bid\": 1.5}", "{\"bid\": \"high\"}", "bid: 0.5", "ECHO::{}")) {
      assertThat(SwarmAnswers.bidOf(invalid)).as(invalid).isEmpty();
    }
  }

  @Test
  void shouldKeepOnlySubtasksOfKnownRolesWithText() {
    String plan =
        "```json\n{\"subtasks\": {\"writer\": \"draft\", \"ghost\": \"x\", \"checker\": \" \","
            + " \"editor\": {\"steps\": 2}}}\n```";

    assertThat(SwarmAnswers.subtasksOf(plan, Set.of("writer", "checker", "editor")))
        .containsExactly(Map.entry("writer", "draft"), Map.entry("editor", "{\"steps\":2}"));
    assertThat(SwarmAnswers.subtasksOf("ECHO::Task: {\"a\": 1}", Set.of("writer"))).isEmpty();
  }
}
