package ai.iceos.worker.tool;

import static ai.iceos.worker.tool.ToolFixtures.attempt;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlakyToolTest {
  private final FlakyTool tool = new FlakyTool();

  @Test
  void shouldFailFirstAttemptByDefaultThenSucceed() {
    assertThatThrownBy(() -> await(tool.execute(json("{}"), attempt(1))))
        .isInstanceOfSatisfying(
            ToolException.class,
            e -> {
              assertThat(e.type()).isEqualTo("transient");
              assertThat(e.retryable()).isTrue();
            });
    assertThat(await(tool.execute(json("{}"), attempt(2)))).isEqualTo(json("{\"attempt\": 2}"));
  }

  @Test
  void shouldFailAsManyAttemptsAsFailTimes() {
    var args = json("{\"fail_times\": 3}");

    for (int attempt = 1; attempt <= 3; attempt++) {
      int n = attempt;
      assertThatThrownBy(() -> await(tool.execute(args, attempt(n))))
          .isInstanceOf(ToolException.class);
    }
    assertThat(await(tool.execute(args, attempt(4)))).isEqualTo(json("{\"attempt\": 4}"));
  }

  @Test
  void shouldSucceedAtOnceWithZeroFailTimes() {
    assertThat(await(tool.execute(json("{\"fail_times\": 0}"), attempt(1))))
        .isEqualTo(json("{\"attempt\": 1}"));
  }
}
