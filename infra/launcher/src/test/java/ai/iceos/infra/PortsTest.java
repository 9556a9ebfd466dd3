package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void shouldFailFastNamingWhatNeedsATakenPortAndHowToMoveIt() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = taken.getLocalPort();

      assertThat(Ports.isFree(port)).isFalse();
      assertThatThrownBy(
              () -> Ports.requireFree("blueprint-service", port, "BLUEPRINT_SERVICE_PORT"))
          .isInstanceOf(Ports.PortTakenException.class)
          .hasMessageContaining("port " + port + " for blueprint-service is already in use")
          .hasMessageContaining("BLUEPRINT_SERVICE_PORT=<port>");
    }
  }

  @Test
  void shouldSeeAFreedPortAsFree() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      port = socket.getLocalPort();
    }
    assertThat(Ports.isFree(port)).isTrue();
    Ports.requireFree("kafka", port, "KAFKA_PORT");
  }

  @Test
  void shouldKeepAFixedPortAndPickAnEphemeralOneForZero() {
    assertThat(Ports.orFree(25432)).isEqualTo(25432);
    assertThat(Ports.orFree(0)).isBetween(1, 65535);
  }
}
