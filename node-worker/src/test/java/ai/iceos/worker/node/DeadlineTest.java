package ai.iceos.worker.node;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.ToolNodeSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void shouldFormatWholeAndFractionalSeconds() {
    assertThat(Deadline.timeoutMessage("fetch", Duration.ofSeconds(30)))
        .isEqualTo("Node 'fetch' timed out after 30 s");
    assertThat(Deadline.timeoutMessage("fetch", Duration.ofMillis(1500)))
        .isEqualTo("Node 'fetch' timed out after 1.5 s");
  }

  @Test
  void shouldUseTaskTimeoutThenNodeTimeoutThenDefault() {
    var node = ToolNodeSpec.of("a", "echo", null);
    assertThat(Deadline.of(Tasks.task(node, "{}", 2500))).isEqualTo(Duration.ofMillis(2500));
    assertThat(Deadline.of(Tasks.task(node, "{}", 0))).isEqualTo(Duration.ofSeconds(30));
  }
}
