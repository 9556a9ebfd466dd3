package ai.iceos.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.IceosMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire format of every message is pinned by a golden file under {@code
 * src/test/resources/messages/<topic>/<type>.json}. Golden files are only ever added, never edited:
 * a failing comparison means a contract change that needs a new topic version.
 *
 * <p>Run with {@code -Diceos.golden.write=true} once to create the file of a new message type.
 */
class GoldenMessagesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/messages");

  static Stream<Arguments> samples() {
    return SampleMessages.all().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldMatchGoldenFile(String file, SampleMessages.Sample sample) throws IOException {
    Path path = GOLDEN.resolve(file);
    if (Boolean.getBoolean("iceos.golden.write") && !Files.exists(path)) {
      Files.createDirectories(path.getParent());
      Files.writeString(
          path,
          IceosJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sample.message())
              + "\n");
    }
    JsonNode golden = IceosJson.mapper().readTree(path.toFile());

    JsonNode written =
        IceosJson.mapper().readTree(IceosJson.mapper().writeValueAsString(sample.message()));
    IceosMessage read = IceosJson.mapper().treeToValue(golden, sample.family());

    assertThat(written).isEqualTo(golden);
    assertThat(read).isEqualTo(sample.message());
  }
}
