package ai.iceos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation can fail: each fixture under {@code src/test/resources/broken} carries one defect
 * and, in its first line {@code # expect: <text>}, a fragment of the problem it must produce.
 */
class BrokenManifestTest {
  private static final Path FIXTURES = Path.of("src/test/resources/broken");

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(RepoPaths.resolve("infra/deploy").resolve(FIXTURES))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void shouldRejectBrokenManifest(Path fixture) throws IOException {
    // given
    String expected = Files.readAllLines(fixture).getFirst().replaceFirst("^# expect: ", "");
    // when
    List<String> problems = ManifestValidator.validate(Manifests.readOne(fixture));
    // then
    assertThat(problems).isNotEmpty().anySatisfy(p -> assertThat(p).startsWith(expected));
  }

  @Test
  void shouldRejectOverlayThatBreaksTheBase() {
    // given
    Path overlay = RepoPaths.resolve("infra/deploy/src/test/resources/broken-overlay");
    // when
    List<String> problems = ManifestValidator.validate(KustomizeBuild.render(overlay));
    // then
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .isEqualTo(
                        "ScaledObject/node-worker: /spec/maxReplicaCount: string found,"
                            + " [integer, null] expected (type)"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "Deployment/node-worker: /spec/template/spec/containers/0/resource:")
                    .contains("is not defined in the schema"));
  }
}
