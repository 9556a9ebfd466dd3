package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.at;
import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** infra/compose names the topics, ports and variables the services themselves configure. */
class ComposeConsistencyTest {
  private static final Path DIR = RepoPaths.resolve("infra/compose");
  private static final Map<String, Object> COMPOSE =
      Manifests.readOne(DIR.resolve("docker-compose.yaml"));

  static Stream<ServiceConfig> services() {
    return ServiceConfig.all().stream();
  }

  /** The topics the services name exist on one host too (TopicSetupTest: = Topics.all()). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void shouldCreateEveryTopicTheServiceNames(ServiceConfig service) {
    TopicSetup setup = TopicSetup.compose();
    assertThat(Stream.concat(setup.topics().stream(), setup.compacted().stream()))
        .containsAll(service.topics());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void shouldPublishAndCheckTheServicesOwnPort(ServiceConfig service) {
    int port = service.httpPort();
    Map<String, Object> compose = service(service.name());

    assertThat(environment(service.name()).get("QUARKUS_HTTP_PORT")).isEqualTo("" + port);
    assertThat(list(compose.get("ports"))).containsExactly(port + ":" + port);
    assertThat(at(compose, "healthcheck", "test").orElseThrow().toString())
        .contains("localhost:" + port + "/q/health/ready");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void shouldOnlySetVariablesTheServiceReads(ServiceConfig service) {
    Map<String, Object> env = environment(service.name());
    assertThat(env.keySet()).allSatisfy(var -> assertThat(service.reads(var)).as(var).isTrue());
    assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_HTTP_PORT");
    assertThat(env.keySet().stream().anyMatch(k -> k.startsWith("QUARKUS_DATASOURCE_")))
        .isEqualTo(service.hasDatasource());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void shouldTakeSecretsFromTheEnvFileOnly(ServiceConfig service) {
    environment(service.name()).entrySet().stream()
        .filter(e -> e.getKey().matches(".*(PASSWORD|API_KEY|SECRET|TOKEN).*"))
        .forEach(e -> assertThat(e.getValue().toString()).as(e.getKey()).startsWith("${"));
    assertThat(DIR.resolve(".gitignore")).content().contains(".env");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void shouldBuildWithTheSharedJvmDockerfile(ServiceConfig service) {
    Map<String, Object> build = map(service(service.name()).get("build"));
    Path context = DIR.resolve(build.get("context").toString()).normalize();

    assertThat(context).isEqualTo(service.module());
    assertThat(context.resolve(build.get("dockerfile").toString()).normalize())
        .isEqualTo(RepoPaths.resolve("infra/docker/Dockerfile.jvm"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void shouldScrapeAndTraceEveryService(ServiceConfig service) throws Exception {
    String prometheus = Files.readString(DIR.resolve("prometheus.yml"));
    assertThat(prometheus).contains("\"" + service.name() + ":" + service.httpPort() + "\"");
    String endpoint =
        environment(service.name()).get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").toString();
    assertThat(endpoint).isEqualTo("http://otel-collector:4317");
    assertThat(map(COMPOSE.get("services"))).containsKeys("otel-collector", "jaeger", "prometheus");
  }

  /** The launcher's database and login (the services' own defaults), reached through compose's. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void shouldUseTheLaunchersDatabaseAndLogin(ServiceConfig service) {
    assumeTrue(service.hasDatasource(), "no database");
    Map<String, Object> env = environment(service.name());
    Map<String, Object> postgres = environment("postgres");
    String database = ServiceConfig.database(service.property("quarkus.datasource.reactive.url"));

    assertThat(postgres.get("POSTGRES_DB")).isEqualTo(database);
    assertThat(postgres.get("POSTGRES_USER"))
        .isEqualTo(env.get("QUARKUS_DATASOURCE_USERNAME"))
        .isEqualTo(service.property("quarkus.datasource.username"));
    assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL"))
        .isEqualTo("postgresql://postgres:5432/" + database);
    assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
        .isEqualTo("jdbc:" + env.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
  }

  private static Map<String, Object> service(String name) {
    return map(at(COMPOSE, "services", name).orElseThrow(() -> new AssertionError("no " + name)));
  }

  private static Map<String, Object> environment(String name) {
    return map(service(name).get("environment"));
  }
}
