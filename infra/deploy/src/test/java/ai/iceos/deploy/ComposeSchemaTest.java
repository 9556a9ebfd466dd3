package ai.iceos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** infra/compose/docker-compose.yaml is a valid Compose file, and the check can fail. */
class ComposeSchemaTest {
  @Test
  void shouldMatchTheComposeSpecification() {
    assertThat(problems(RepoPaths.resolve("infra/compose/docker-compose.yaml"))).isEmpty();
  }

  @Test
  void shouldRejectABrokenComposeFile() {
    List<String> problems =
        problems(
            RepoPaths.resolve(
                "infra/deploy/src/test/resources/broken-compose/docker-compose.yaml"));

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("/services/kafka/healthcheck/intervall:"))
        .anySatisfy(
            p -> assertThat(p).startsWith("/services/node-worker/depends_on/kafka/condition:"))
        .anySatisfy(p -> assertThat(p).startsWith("/services/node-worker/ports:"));
  }

  private static List<String> problems(Path file) {
    return ManifestValidator.problems(
        ManifestSchemas.compose(), Manifests.YAML.valueToTree(Manifests.readOne(file)));
  }
}
