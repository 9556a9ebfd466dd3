package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as {@code infra/local/run} runs it: a JVM of its own, stopped by signals. */
class LocalSystemMainIT {
  @TempDir Path root;
  private Process launcher;

  @AfterEach
  void killLeftovers() {
    if (launcher != null) {
      launcher.destroyForcibly();
    }
  }

  @Test
  void shouldLeaveNoProcessBehindWhenTheLauncherIsKilled() throws Exception {
    // given
    List<ProcessHandle> children = startLauncherAndCollectChildren();

    // when
    launcher.destroyForcibly();

    // then
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void shouldStopEverythingAndCleanUpOnSigterm() throws Exception {
    // given
    List<ProcessHandle> children = startLauncherAndCollectChildren();

    // when
    launcher.destroy();

    // then
    await().atMost(Duration.ofSeconds(90)).until(() -> !launcher.isAlive());
    assertThat(launcher.exitValue()).isIn(0, 143);
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    assertThat(root.resolve("run/launcher.pid")).doesNotExist();
    assertThat(root.resolve("run/ready")).doesNotExist();
    assertThat(Files.readString(root.resolve("launcher.out"))).contains("iceOS: stopped");
  }

  /** Starts the launcher with one fake service; returns the broker, postgres and service. */
  private List<ProcessHandle> startLauncherAndCollectChildren() throws IOException {
    FakeService.packageInto(root, Service.LLM_GATEWAY);
    ProcessBuilder builder =
        new ProcessBuilder(
                JavaBinary.current(),
                "-cp",
                System.getProperty("java.class.path"),
                LocalSystemMain.class.getName(),
                "--root",
                root.toString(),
                "--data-dir",
                root.resolve("run").toString(),
                "--services",
                "llm-gateway")
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("launcher.out").toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                LocalPorts.KAFKA_ENV,
                Integer.toString(Ports.free()),
                LocalPorts.KAFKA_CONTROLLER_ENV,
                Integer.toString(Ports.free()),
                LocalPorts.POSTGRES_ENV,
                Integer.toString(Ports.free()),
                Service.LLM_GATEWAY.portEnv(),
                Integer.toString(Ports.free())));
    launcher = builder.start();
    Path ready = root.resolve("run/ready");
    await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(ready) || !launcher.isAlive());
    assertThat(launcher.isAlive())
        .withFailMessage(() -> "launcher died: " + LogTail.of(root.resolve("launcher.out"), 40))
        .isTrue();
    assertThat(Files.readString(ready)).contains("llm-gateway", "kafka", "postgresql");
    assertThat(Files.readString(root.resolve("run/launcher.pid")).strip())
        .isEqualTo(Long.toString(launcher.pid()));

    List<ProcessHandle> children = new ArrayList<>();
    launcher.children().filter(this::isJava).forEach(children::add);
    long postmaster =
        Long.parseLong(
            Files.readAllLines(root.resolve("run/postgres/data/postmaster.pid")).getFirst());
    children.add(ProcessHandle.of(postmaster).orElseThrow());
    assertThat(children).hasSize(3).allMatch(ProcessHandle::isAlive);
    return children;
  }

  private boolean isJava(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("java")).orElse(false);
  }
}
