package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherArgsTest {
  private static final Path CWD = Path.of("/repo");

  @Test
  void shouldDefaultToAllServicesAndDataUnderLocalRun() {
    LauncherArgs args = LauncherArgs.parse(List.of(), CWD);

    assertThat(args.projectRoot()).isEqualTo(CWD);
    assertThat(args.dataDir()).isEqualTo(Path.of("/repo/.local-run"));
    assertThat(args.services()).containsExactly(Service.values());
    assertThat(args.demo()).isFalse();
    assertThat(args.demoFiles())
        .isEqualTo(LauncherArgs.DEFAULT_DEMOS.stream().map(Path.of("/repo")::resolve).toList());
  }

  @Test
  void shouldParseEveryOption() {
    LauncherArgs args =
        LauncherArgs.parse(
            List.of(
                "--root",
                "main",
                "--data-dir",
                "/data",
                "--services",
                "llm-gateway,compiler-service",
                "--demo",
                "--demo-file",
                "demo.json"),
            CWD);

    assertThat(args.projectRoot()).isEqualTo(Path.of("/repo/main"));
    assertThat(args.dataDir()).isEqualTo(Path.of("/data"));
    assertThat(args.services()).containsExactly(Service.COMPILER_SERVICE, Service.LLM_GATEWAY);
    assertThat(args.demo()).isTrue();
    assertThat(args.demoFiles()).containsExactly(Path.of("/repo/demo.json"));
  }

  @Test
  void shouldStartNoServiceWithServicesNone() {
    assertThat(LauncherArgs.parse(List.of("--services", "none"), CWD).services()).isEmpty();
  }

  @Test
  void shouldRejectAnUnknownServiceNamingTheKnownOnes() {
    assertThatThrownBy(() -> LauncherArgs.parse(List.of("--services", "orders"), CWD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown service 'orders'")
        .hasMessageContaining("blueprint-service");
  }

  @Test
  void shouldRejectAnUnknownOptionWithUsage() {
    assertThatThrownBy(() -> LauncherArgs.parse(List.of("--detach"), CWD))
        .hasMessageContaining("unknown option '--detach'")
        .hasMessageContaining("usage:");
  }

  @Test
  void shouldRejectAnOptionWithoutItsValue() {
    assertThatThrownBy(() -> LauncherArgs.parse(List.of("--services", "--demo"), CWD))
        .hasMessageContaining("--services needs a value");
    assertThatThrownBy(() -> LauncherArgs.parse(List.of("--root"), CWD))
        .hasMessageContaining("--root needs a value");
  }
}
