package ai.iceos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Compose and Kubernetes run the same Kafka version as the local launcher and the tests. */
class KafkaImageTest {
  @Test
  void shouldUseTheBrokerVersionOfTheRootPom() throws IOException {
    Matcher version =
        Pattern.compile("<kafka\\.broker\\.version>([^<]+)</kafka\\.broker\\.version>")
            .matcher(Files.readString(RepoPaths.resolve("pom.xml")));
    assertThat(version.find()).as("kafka.broker.version in the root pom").isTrue();

    List<String> images = kafkaImages();
    assertThat(images).hasSizeGreaterThanOrEqualTo(4);
    assertThat(images)
        .allSatisfy(image -> assertThat(image).isEqualTo("apache/kafka:" + version.group(1)));
  }

  private static List<String> kafkaImages() throws IOException {
    Pattern image = Pattern.compile("image:\\s*(apache/kafka:\\S+)");
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(RepoPaths.resolve("infra/compose")),
            Files.walk(RepoPaths.resolve("infra/k8s")))) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .flatMap(KafkaImageTest::lines)
          .map(image::matcher)
          .filter(Matcher::find)
          .map(m -> m.group(1))
          .toList();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
