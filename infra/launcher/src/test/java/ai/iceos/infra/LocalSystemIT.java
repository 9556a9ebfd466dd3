package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSystemIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldNameTheBuildCommandWhenAServiceIsNotBuilt(@TempDir Path emptyRoot) {
    LocalSystem system =
        LocalSystem.builder()
            .projectRoot(emptyRoot)
            .ephemeralPorts()
            .services(Service.BLUEPRINT_SERVICE)
            .build();

    assertThatThrownBy(system::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("blueprint-service is not built")
        .hasMessageContaining("blueprint-service/target/quarkus-app/quarkus-run.jar is missing")
        .hasMessageContaining("./mvnw -B -q install -Dquick");
  }

  @Test
  void shouldFailFastWhenAFixedPortIsTaken(@TempDir Path root) throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      LocalPorts ports =
          new LocalPorts(taken.getLocalPort(), 0, 0, LocalPorts.ephemeral().services());
      LocalSystem system = LocalSystem.builder().projectRoot(root).ports(ports).services().build();

      assertThatThrownBy(system::start)
          .isInstanceOf(Ports.PortTakenException.class)
          .hasMessageContaining("for Kafka is already in use")
          .hasMessageContaining("KAFKA_PORT=<port>");
    }
  }

  @Test
  void shouldRunServicesWithTheStandardEnvironmentAndRestartThem(@TempDir Path root)
      throws Exception {
    // given
    FakeService.packageInto(root, Service.NODE_WORKER);
    FakeService.packageInto(root, Service.LLM_GATEWAY);
    try (LocalSystem system =
        LocalSystem.builder()
            .projectRoot(root)
            .ephemeralPorts()
            .services(Service.NODE_WORKER, Service.LLM_GATEWAY)
            .env(Service.NODE_WORKER, Map.of("ICEOS_EXTRA", "for-the-worker"))
            .build()) {
      // when
      system.start();

      // then
      String worker = system.baseUrl(Service.NODE_WORKER);
      assertThat(get(worker + "/env/KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(system.kafkaBootstrap());
      assertThat(get(worker + "/env/QUARKUS_DATASOURCE_JDBC_URL"))
          .isEqualTo(system.postgresJdbcUrl());
      assertThat(get(worker + "/env/QUARKUS_DATASOURCE_REACTIVE_URL"))
          .isEqualTo(system.postgresJdbcUrl().substring("jdbc:".length()));
      assertThat(get(worker + "/env/QUARKUS_DATASOURCE_USERNAME")).isEqualTo("iceos");
      assertThat(get(worker + "/env/ICEOS_GATEWAY_URL"))
          .isEqualTo(system.baseUrl(Service.LLM_GATEWAY));
      assertThat(get(worker + "/env/ICEOS_EXTRA")).isEqualTo("for-the-worker");
      assertThat(get(system.baseUrl(Service.LLM_GATEWAY) + "/env/ICEOS_EXTRA")).isEqualTo("null");
      try (Connection db =
          DriverManager.getConnection(system.postgresJdbcUrl(), "iceos", "iceos")) {
        assertThat(db.isValid(5)).isTrue();
      }

      system.killService(Service.NODE_WORKER);
      assertThat(system.isRunning(Service.NODE_WORKER)).isFalse();
      system.startService(Service.NODE_WORKER);
      assertThat(get(worker + "/q/health/ready")).isEqualTo("UP");

      system.stopService(Service.LLM_GATEWAY);
      assertThat(system.isRunning(Service.LLM_GATEWAY)).isFalse();
      assertThat(system.isRunning(Service.NODE_WORKER)).isTrue();
    }
  }

  @Test
  void shouldStopServicesKafkaAndPostgresOnStop(@TempDir Path root) throws Exception {
    FakeService.packageInto(root, Service.COMPILER_SERVICE);
    LocalSystem system =
        LocalSystem.builder()
            .projectRoot(root)
            .ephemeralPorts()
            .services(Service.COMPILER_SERVICE)
            .build()
            .start();
    String compiler = system.baseUrl(Service.COMPILER_SERVICE);
    String kafka = system.kafkaBootstrap();
    String postgres = system.postgresJdbcUrl().substring("jdbc:".length());

    system.stop();

    assertThat(isListening(compiler)).isFalse();
    assertThat(isListening("http://" + kafka)).isFalse();
    assertThat(isListening(postgres)).isFalse();
    assertThatThrownBy(system::kafkaBootstrap).hasMessageContaining("Kafka is not running");
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static boolean isListening(String url) {
    URI uri = URI.create(url);
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
