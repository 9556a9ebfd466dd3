package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

  @Test
  void shouldUseTheDocumentedPortsByDefault() {
    LocalPorts ports = LocalPorts.defaults();

    assertThat(ports.kafka()).isEqualTo(29092);
    assertThat(ports.kafkaController()).isEqualTo(29093);
    assertThat(ports.postgres()).isEqualTo(25432);
    assertThat(ports.service(Service.BLUEPRINT_SERVICE)).isEqualTo(8080);
    assertThat(ports.service(Service.COMPILER_SERVICE)).isEqualTo(8081);
    assertThat(ports.service(Service.SCHEDULER_SERVICE)).isEqualTo(8082);
    assertThat(ports.service(Service.NODE_WORKER)).isEqualTo(8083);
    assertThat(ports.service(Service.LLM_GATEWAY)).isEqualTo(8090);
  }

  @Test
  void shouldOverrideEachPortFromItsVariable() {
    LocalPorts ports =
        LocalPorts.fromEnv(
            Map.of(
                "KAFKA_PORT", "39092",
                "KAFKA_CONTROLLER_PORT", "39093",
                "POSTGRES_PORT", " 35432 ",
                "BLUEPRINT_SERVICE_PORT", "18080",
                "LLM_GATEWAY_PORT", "18090"));

    assertThat(ports.kafka()).isEqualTo(39092);
    assertThat(ports.kafkaController()).isEqualTo(39093);
    assertThat(ports.postgres()).isEqualTo(35432);
    assertThat(ports.service(Service.BLUEPRINT_SERVICE)).isEqualTo(18080);
    assertThat(ports.service(Service.LLM_GATEWAY)).isEqualTo(18090);
    assertThat(ports.service(Service.NODE_WORKER)).isEqualTo(8083);
  }

  @Test
  void shouldRejectSomethingThatIsNotAPort() {
    assertThatThrownBy(() -> LocalPorts.fromEnv(Map.of("KAFKA_PORT", "kafka")))
        .hasMessageContaining("KAFKA_PORT=kafka is not a port");
    assertThatThrownBy(() -> LocalPorts.fromEnv(Map.of("NODE_WORKER_PORT", "70000")))
        .hasMessageContaining("NODE_WORKER_PORT=70000 is not a port");
    assertThatThrownBy(() -> LocalPorts.fromEnv(Map.of("POSTGRES_PORT", "-1")))
        .hasMessageContaining("POSTGRES_PORT=-1 is not a port");
  }

  @Test
  void shouldTakeZeroAsAnyFreePort() {
    assertThat(LocalPorts.fromEnv(Map.of("KAFKA_PORT", "0")).kafka()).isZero();
  }

  @Test
  void shouldNameThePortVariableAfterTheModule() {
    assertThat(Service.NODE_WORKER.portEnv()).isEqualTo("NODE_WORKER_PORT");
    assertThat(Service.byName("scheduler-service")).isEqualTo(Service.SCHEDULER_SERVICE);
  }
}
