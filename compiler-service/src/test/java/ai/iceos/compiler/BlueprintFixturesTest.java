package ai.iceos.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.compiler.compile.CompileResult;
import ai.iceos.compiler.compile.PlanCompiler;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code blueprints/valid} (each must compile) and {@code blueprints/invalid} (each {@code
 * <case>.json} must be rejected with exactly the violations in {@code <case>.expected.json}), each
 * in the context of its {@code <case>.context.json} when there is one ({@link Fixtures#context}).
 */
class BlueprintFixturesTest {
  private static final PlanCompiler COMPILER = Fixtures.compiler();

  static Stream<String> validFixtures() throws IOException, URISyntaxException {
    return fixtures("valid");
  }

  static Stream<String> invalidFixtures() throws IOException, URISyntaxException {
    return fixtures("invalid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFixtures")
  void shouldCompileValidBlueprint(String fixture) {
    String name = "valid/" + fixture;
    CompileResult result =
        COMPILER.compile(Fixtures.blueprint(name + ".json"), Fixtures.context(name));

    assertThat(result).isInstanceOf(CompileResult.Compiled.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFixtures")
  void shouldRejectInvalidBlueprintWithExactlyTheExpectedViolations(String fixture) {
    // given
    JsonNode document = Fixtures.blueprint("invalid/" + fixture + ".json");
    List<Violation> expected =
        IceosJson.mapper()
            .convertValue(
                Fixtures.blueprint("invalid/" + fixture + ".expected.json"),
                new TypeReference<List<Violation>>() {});

    // when
    CompileResult result = COMPILER.compile(document, Fixtures.context("invalid/" + fixture));

    // then
    assertThat(result).isInstanceOf(CompileResult.Rejected.class);
    assertThat(((CompileResult.Rejected) result).violations())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static Stream<String> fixtures(String folder) throws IOException, URISyntaxException {
    Path dir = Path.of(BlueprintFixturesTest.class.getResource("/blueprints/" + folder).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names =
          files
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".json"))
              .filter(name -> !name.endsWith(".expected.json") && !name.endsWith(".context.json"))
              .map(name -> name.substring(0, name.length() - ".json".length()))
              .sorted()
              .toList();
      assertThat(names).isNotEmpty();
      return names.stream();
    }
  }
}
