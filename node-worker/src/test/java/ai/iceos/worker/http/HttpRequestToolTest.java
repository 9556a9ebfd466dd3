package ai.iceos.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** http_request against a local server whose host (127.0.0.1) is allow-listed. */
class HttpRequestToolTest {
  private HttpServer server;
  private final HttpRequestTool tool =
      new HttpRequestTool(
          new OutboundHttp(
              new AddressGuard(List.of("127.0.0.1")),
              new HttpLimits(Duration.ofSeconds(5), 100, 2)));

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/json", exchange -> answer(exchange, 200, "application/json", "{\"ok\": true}"));
    server.createContext("/big", exchange -> answer(exchange, 200, "text/plain", "x".repeat(101)));
    server.createContext("/missing", exchange -> answer(exchange, 404, "text/plain", "no"));
    server.createContext("/busy", exchange -> answer(exchange, 503, "text/plain", "later"));
    server.createContext(
        "/to-json",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/json");
          answer(exchange, 302, "text/plain", "");
        });
    server.createContext(
        "/to-localhost",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "https://localhost:1/secret");
          answer(exchange, 302, "text/plain", "");
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void shouldReturnStatusAndParsedJsonAfterFollowingARedirect() {
    JsonNode answer = call("{\"url\": \"" + url("/to-json") + "\"}");

    assertThat(answer.get("status").asInt()).isEqualTo(200);
    assertThat(answer.get("body")).isEqualTo(IceosJson.mapper().createObjectNode().put("ok", true));
    assertThat(answer.get("url").asText()).isEqualTo(url("/json"));
  }

  @Test
  void shouldRefuseARedirectToANonAllowListedLoopbackHost() {
    assertThatThrownBy(() -> call("{\"url\": \"" + url("/to-localhost") + "\"}"))
        .hasMessageContaining("host 'localhost' resolves to a non-public address");
  }

  @Test
  void shouldRefuseAResponseOverTheSizeLimit() {
    assertThatThrownBy(() -> call("{\"url\": \"" + url("/big") + "\"}"))
        .hasMessageContaining("is larger than 100 bytes");
  }

  @Test
  void shouldClassifyErrorStatuses() {
    assertThatThrownBy(() -> call("{\"url\": \"" + url("/missing") + "\"}"))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("answered HTTP 404");
    assertThatThrownBy(() -> call("{\"url\": \"" + url("/busy") + "\"}"))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(
            call("{\"url\": \"" + url("/missing") + "\", \"raise_for_status\": false}")
                .get("status")
                .asInt())
        .isEqualTo(404);
  }

  private JsonNode call(String args) {
    try {
      return tool.execute(
              IceosJson.mapper().readTree(args), new ToolContext("e", "n", "t", null, 1))
          .await()
          .atMost(Duration.ofSeconds(10));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static void answer(
      com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
      throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
