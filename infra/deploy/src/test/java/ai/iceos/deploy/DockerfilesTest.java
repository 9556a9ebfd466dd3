package ai.iceos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The container builds: small UBI bases, user 185, a health check, Mandrel for native. */
class DockerfilesTest {
  private static final Path DIR = RepoPaths.resolve("infra/docker");

  @Test
  void shouldRunTheJvmImageAsUser185WithAHealthCheck() throws IOException {
    List<String> lines = instructions("Dockerfile.jvm");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("FROM "))
        .singleElement()
        .asString()
        .contains("ubi9/openjdk-21-runtime");
    assertThat(lines).contains("USER 185");
    assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/q/health/live"));
    assertThat(lines).anyMatch(l -> l.contains("target/quarkus-app/lib/"));
  }

  @Test
  void shouldBuildTheNativeImageWithMandrelIntoAMinimalRuntime() throws IOException {
    List<String> lines = instructions("Dockerfile.native");
    List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(stages).hasSize(2);
    assertThat(lines)
        .anyMatch(l -> l.contains("quay.io/quarkus/ubi-quarkus-mandrel-builder-image"));
    assertThat(stages.getLast()).containsAnyOf("ubi-minimal", "ubi9-micro", "quarkus-micro-image");
    assertThat(lines).anyMatch(l -> l.contains("-Dnative"));
    assertThat(lines).contains("USER 185");
    assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/q/health/live"));
  }

  @Test
  void shouldRunTheQuarkusBuiltNativeExecutableAsUser185WithAHealthCheck() throws IOException {
    List<String> lines = instructions("Dockerfile.native-runtime");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("FROM "))
        .singleElement()
        .asString()
        .contains("ubi-minimal");
    assertThat(lines).anyMatch(l -> l.startsWith("COPY ") && l.contains("target/*-runner"));
    assertThat(lines).contains("USER 185");
    assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/q/health/live"));
  }

  @Test
  void shouldPointQuarkusAtTheSharedDockerfilesFromEveryModule() throws IOException {
    Properties config = new Properties();
    try (Reader reader = Files.newBufferedReader(DIR.resolve("container-image.properties"))) {
      config.load(reader);
    }
    String jvm = config.getProperty("quarkus.docker.dockerfile-jvm-path");
    String nativeRuntime = config.getProperty("quarkus.docker.dockerfile-native-path");
    for (ServiceConfig service : ServiceConfig.all()) {
      assertThat(service.module().resolve(jvm).normalize())
          .isEqualTo(DIR.resolve("Dockerfile.jvm"));
      assertThat(service.module().resolve(nativeRuntime).normalize())
          .isEqualTo(DIR.resolve("Dockerfile.native-runtime"));
    }
    assertThat(config.getProperty("quarkus.container-image.group")).isEqualTo("iceos");
    assertThat(config.getProperty("quarkus.native.container-build")).isEqualTo("true");
    assertThat(config.getProperty("quarkus.native.builder-image"))
        .startsWith("quay.io/quarkus/ubi-quarkus-mandrel-builder-image");
  }

  /** -Dcontainer-image reaches every service: each adds the Quarkus Docker extension with it. */
  @Test
  void shouldBuildAnImageOfEveryServiceThroughQuarkus() throws IOException {
    Pattern profile =
        Pattern.compile(
            "<id>container-image</id>\\s*<activation>\\s*<property>\\s*<name>container-image</name>"
                + "[\\s\\S]*?<artifactId>quarkus-container-image-docker</artifactId>"
                + "[\\s\\S]*?</profile>");
    for (ServiceConfig service : ServiceConfig.all()) {
      String pom = Files.readString(service.module().resolve("pom.xml"));
      assertThat(profile.matcher(pom).find()).as(service.name()).isTrue();
    }
  }

  @Test
  void shouldRunAndBuildOnAJdkAtLeastAsNewAsTheCompilerRelease() throws IOException {
    Matcher release =
        Pattern.compile("<maven\\.compiler\\.release>(\\d+)</maven\\.compiler\\.release>")
            .matcher(Files.readString(RepoPaths.resolve("pom.xml")));
    assertThat(release.find()).isTrue();
    int target = Integer.parseInt(release.group(1));

    assertThat(jdk(Files.readString(DIR.resolve("Dockerfile.jvm")), "openjdk-(\\d+)-runtime"))
        .isGreaterThanOrEqualTo(target);
    assertThat(jdk(Files.readString(DIR.resolve("Dockerfile.native")), "builder-image:jdk-(\\d+)"))
        .isGreaterThanOrEqualTo(target);
    assertThat(
            jdk(
                Files.readString(DIR.resolve("container-image.properties")),
                "builder-image:jdk-(\\d+)"))
        .isGreaterThanOrEqualTo(target);
  }

  @Test
  void shouldSendOnlyWhatEachImageCopiesToTheEngine() throws IOException {
    assertThat(Files.readAllLines(DIR.resolve("Dockerfile.jvm.dockerignore")))
        .contains("*", "!target/quarkus-app/");
    assertThat(Files.readAllLines(DIR.resolve("Dockerfile.native-runtime.dockerignore")))
        .contains("*", "!target/*-runner");
    assertThat(Files.readAllLines(DIR.resolve("Dockerfile.native.dockerignore")))
        .contains(".git/", "**/target/")
        .doesNotContain("*");
  }

  private static int jdk(String text, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(text);
    assertThat(matcher.find()).as(pattern).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  /** Instructions with continuation lines joined and comments dropped. */
  private static List<String> instructions(String file) throws IOException {
    String text = Files.readString(DIR.resolve(file)).replaceAll("\\\\\n\\s*", " ");
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }
}
