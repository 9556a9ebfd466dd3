package ai.iceos.worker.tool;

import static ai.iceos.worker.tool.ToolFixtures.attempt;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FailToolTest {
  private final FailTool tool = new FailTool();

  @Test
  void shouldFailWithExactlyTheGivenMessageAsRetryableToolError() {
    assertThatThrownBy(() -> await(tool.execute(json("{\"msg\": \"disk on fire\"}"), attempt(1))))
        .isInstanceOfSatisfying(
            ToolException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo("disk on fire");
              org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo("tool-error");
              org.assertj.core.api.Assertions.assertThat(e.retryable()).isTrue();
            });
  }

  @Test
  void shouldFailWithBoomByDefault() {
    assertThatThrownBy(() -> await(tool.execute(json("{}"), attempt(1))))
        .isInstanceOf(ToolException.class)
        .hasMessage("boom");
  }
}
