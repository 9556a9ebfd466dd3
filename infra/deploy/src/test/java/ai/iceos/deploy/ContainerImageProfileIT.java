package ai.iceos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw package -Dcontainer-image} (and {@code -Dnative}) on this machine: the root pom's
 * profiles decide before any module builds, so validating the root alone (a few seconds) shows what
 * every service gets. Without a container engine the build must succeed and say clearly that images
 * are skipped; with one, it must not claim to skip.
 */
class ContainerImageProfileIT {
  private static final String SKIPPING = "SKIPPING container images: no container engine here";
  private static final Path SOCKET = Path.of("/var/run/docker.sock");
  private static final String HELP_EVALUATE =
      "org.apache.maven.plugins:maven-help-plugin:3.5.2:evaluate";
  private static final String NATIVE_ENABLED = "-Dexpression=quarkus.native.enabled";

  @Test
  void shouldSkipImagesWithAClearMessageOnlyWhereNoEngineRuns() throws Exception {
    // when
    Result result = maven("-N", "-Dcontainer-image", "validate");
    // then
    assertThat(result.exitCode()).as(result.output()).isZero();
    if (Files.exists(SOCKET)) {
      assertThat(result.output()).doesNotContain(SKIPPING);
    } else {
      assertThat(result.output())
          .contains(SKIPPING + " (/var/run/docker.sock is missing)")
          .contains("The JVM artefacts (target/quarkus-app) are built as usual");
    }
  }

  @Test
  void shouldTurnNativeBuildsOnWithDashDNativeOnly() throws Exception {
    // when
    Result withNative =
        maven("-N", "-q", "-Dnative", HELP_EVALUATE, NATIVE_ENABLED, "-DforceStdout");
    Result without = maven("-N", "-q", HELP_EVALUATE, NATIVE_ENABLED, "-DforceStdout");
    // then
    assertThat(withNative.exitCode()).as(withNative.output()).isZero();
    assertThat(withNative.output().strip()).isEqualTo("true");
    assertThat(without.output().strip()).isNotEqualTo("true");
  }

  private record Result(int exitCode, String output) {}

  private static Result maven(String... args) throws IOException, InterruptedException {
    Path root = RepoPaths.root();
    Path log = Files.createTempFile("container-image-profile", ".log");
    try {
      List<String> command =
          new java.util.ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp"));
      command.addAll(List.of(args));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("./mvnw " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
