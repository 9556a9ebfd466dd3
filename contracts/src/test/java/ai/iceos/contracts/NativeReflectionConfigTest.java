package ai.iceos.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Native images find contracts' reflection needs (Jackson reads records and sealed families
 * reflectively; Kafka instantiates the serdes by class name) in the jar's own {@code
 * META-INF/native-image/ai.iceos/contracts/reflect-config.json}, so no service has to repeat the
 * list. A type added to contracts without an entry there fails this test.
 */
class NativeReflectionConfigTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path CONFIG =
      Path.of("src/main/resources/META-INF/native-image/ai.iceos/contracts/reflect-config.json");

  @Test
  void shouldRegisterEveryContractsTypeForReflection() throws IOException {
    var registered =
        IceosJson.mapper().readTree(CONFIG.toFile()).findValuesAsText("name").stream().toList();

    assertThat(registered).containsExactlyInAnyOrderElementsOf(contractsTypes());
  }

  private static java.util.List<String> contractsTypes() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(f -> SOURCES.relativize(f).toString())
          .map(name -> name.substring(0, name.length() - ".java".length()).replace('/', '.'))
          .toList();
    }
  }
}
