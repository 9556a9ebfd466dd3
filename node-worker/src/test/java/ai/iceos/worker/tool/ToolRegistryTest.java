package ai.iceos.worker.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {
  private final ToolRegistry registry =
      new ToolRegistry(
          List.of(
              new SleepTool(),
              new EchoTool(),
              new FailTool(),
              new FlakyTool(),
              new ConstantTool()));

  @Test
  void shouldFindToolsByName() {
    assertThat(registry.find("echo")).get().isInstanceOf(EchoTool.class);
    assertThat(registry.find("nope")).isEmpty();
  }

  @Test
  void shouldListToolsSortedByName() {
    assertThat(registry.all())
        .extracting(Tool::name)
        .containsExactly("constant", "echo", "fail", "flaky", "sleep");
  }

  @Test
  void shouldRejectTwoToolsWithOneName() {
    assertThatThrownBy(() -> new ToolRegistry(List.of(new EchoTool(), new EchoTool())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'echo'");
  }
}
