package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.at;
import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.iceos.contracts.messaging.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** infra/k8s names the topics, ports and variables the services themselves configure. */
class KubernetesConsistencyTest {
  static Stream<Arguments> overlaysAndServices() {
    return Overlay.all().stream()
        .flatMap(o -> ServiceConfig.all().stream().map(s -> Arguments.of(o, s.name(), s)));
  }

  static Stream<Overlay> overlays() {
    return Overlay.all().stream();
  }

  /** The topics the services name exist in every deployment (TopicSetupTest: = Topics.all()). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldCreateEveryTopicTheServicesName(Overlay overlay) {
    TopicSetup setup = TopicSetup.of(overlay);
    List<String> created = new ArrayList<>(setup.topics());
    created.addAll(setup.compacted());
    ServiceConfig.all().forEach(s -> assertThat(created).as(s.name()).containsAll(s.topics()));
    assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.all());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlaysAndServices")
  void shouldServeOnTheServicesOwnPort(Overlay overlay, String name, ServiceConfig service) {
    int port = service.httpPort();
    Map<String, Object> container = overlay.container(name);
    Map<String, Object> http = map(list(container.get("ports")).getFirst());

    assertThat(http.get("containerPort")).isEqualTo(port);
    assertThat(overlay.data("ConfigMap", name).get("QUARKUS_HTTP_PORT")).isEqualTo("" + port);
    assertThat(
            map(list(at(overlay.get("Service", name), "spec", "ports").orElseThrow()).getFirst())
                .get("port"))
        .isEqualTo(port);
    assertThat(
            at(
                overlay.get("Deployment", name),
                "spec",
                "template",
                "metadata",
                "annotations",
                "prometheus.io/port"))
        .contains("" + port);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlaysAndServices")
  void shouldProbeTheQuarkusHealthEndpoints(Overlay overlay, String name, ServiceConfig service) {
    Map<String, Object> container = overlay.container(name);
    assertThat(at(container, "livenessProbe", "httpGet", "path")).contains("/q/health/live");
    assertThat(at(container, "readinessProbe", "httpGet", "path")).contains("/q/health/ready");
    assertThat(at(container, "startupProbe", "httpGet", "path")).contains("/q/health/started");
    assertThat(at(container, "resources", "requests")).isPresent();
    assertThat(at(container, "resources", "limits", "memory")).isPresent();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlaysAndServices")
  void shouldOnlySetVariablesTheServiceReads(Overlay overlay, String name, ServiceConfig service) {
    Set<String> env = environment(overlay, name);
    assertThat(env).allSatisfy(var -> assertThat(service.reads(var)).as(var).isTrue());
    assertThat(env).contains("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_HTTP_PORT");
    List<String> datasource =
        List.of(
            "QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD");
    if (service.hasDatasource()) {
      assertThat(env).containsAll(datasource);
    } else {
      assertThat(env).doesNotContainAnyElementsOf(datasource);
    }
  }

  /**
   * Voluntary disruptions (drains, upgrades) never take the scheduler down entirely where it runs
   * more than one replica; with one (local) the budget still allows the drain instead of blocking.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldBudgetDisruptionsOfTheScheduler(Overlay overlay) {
    Map<String, Object> pdb = overlay.get("PodDisruptionBudget", "scheduler-service");
    Map<String, Object> deployment = overlay.get("Deployment", "scheduler-service");
    int replicas = (Integer) at(deployment, "spec", "replicas").orElseThrow();
    int maxUnavailable = (Integer) at(pdb, "spec", "maxUnavailable").orElseThrow();

    assertThat(at(pdb, "spec", "selector", "matchLabels").orElseThrow())
        .isEqualTo(at(deployment, "spec", "selector", "matchLabels").orElseThrow());
    assertThat(maxUnavailable).isPositive();
    if (replicas > 1) {
      assertThat(maxUnavailable).isLessThan(replicas);
    }
  }

  /** Every stateful service uses one database of the name the services (and launcher) use. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlaysAndServices")
  void shouldUseTheServicesDatabase(Overlay overlay, String name, ServiceConfig service) {
    assumeTrue(service.hasDatasource(), "no database");
    Map<String, Object> config = overlay.data("ConfigMap", name);
    String database = ServiceConfig.database(service.property("quarkus.datasource.reactive.url"));
    String reactive = config.get("QUARKUS_DATASOURCE_REACTIVE_URL").toString();

    assertThat(ServiceConfig.database(reactive)).isEqualTo(database);
    assertThat(config.get("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:" + reactive);
    overlay
        .find("Deployment", "postgres")
        .ifPresent(
            postgres -> {
              Map<String, Object> container = overlay.container("postgres");
              assertThat(list(container.get("env")))
                  .contains(Map.of("name", "POSTGRES_DB", "value", database));
              assertThat(reactive).startsWith("postgresql://postgres:5432/");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldPointNodeWorkerAtTheGatewayService(Overlay overlay) {
    int gatewayPort = ServiceConfig.of("llm-gateway").httpPort();
    assertThat(overlay.data("ConfigMap", "node-worker").get("ICEOS_GATEWAY_URL"))
        .isEqualTo("http://llm-gateway:" + gatewayPort);
  }

  /**
   * Names of the variables a service's container gets: inline env, ConfigMap keys, and Secret keys
   * (for Secrets made outside the overlay, the keys docs/deploy.md tells operators to set).
   */
  static Set<String> environment(Overlay overlay, String name) {
    Set<String> names = new TreeSet<>();
    Map<String, Object> container = overlay.container(name);
    list(container.get("env")).forEach(e -> names.add(map(e).get("name").toString()));
    for (Object from : list(container.get("envFrom"))) {
      at(from, "configMapRef", "name")
          .ifPresent(cm -> names.addAll(overlay.data("ConfigMap", cm.toString()).keySet()));
      at(from, "secretRef", "name")
          .ifPresent(secret -> names.addAll(secretKeys(overlay, secret.toString())));
    }
    return names;
  }

  private static List<String> secretKeys(Overlay overlay, String secret) {
    if (overlay.externalSecrets().contains(secret)) {
      return List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
    }
    return overlay
        .find("Secret", secret)
        .map(s -> new ArrayList<>(map(s.get("data")).keySet()))
        .orElseGet(ArrayList::new);
  }
}
