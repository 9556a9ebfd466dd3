package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DemoRunner against a stand-in blueprint-service speaking the SPEC §3 API. */
class DemoRunnerTest {
  private static final Path DEMO = Path.of("../local/demo-blueprint.json");

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String executionStatus = "completed";
  private volatile int executionCode = 200;
  private volatile boolean compilerSlow = false;
  private final java.util.concurrent.atomic.AtomicInteger blueprintReads =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void startStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/blueprints", this::createBlueprint);
    server.createContext("/api/v1/executions", this::runExecution);
    server.start();
  }

  @AfterEach
  void stopStandIn() {
    server.stop(0);
  }

  @Test
  void shouldCreateTheBlueprintRunItAndPrintTheCompletedView() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    JsonNode view = new DemoRunner(baseUrl()).run(DEMO, new PrintStream(printed, true));

    assertThat(view.path("status").asText()).isEqualTo("completed");
    assertThat(requests)
        .containsExactly(
            "POST /api/v1/blueprints Bearer dev-token __new__ \"id\":\"greet\"",
            "POST /api/v1/executions?wait_seconds=60 Bearer dev-token null"
                + " {\"blueprint_id\":\"bp-1\",\"inputs\":{\"name\":\"iceOS\"}}");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("\"execution_id\" : \"ex-1\"", "\"cost_usd\" : 0.000148", "completed");
  }

  @Test
  void shouldWaitForAPendingBlueprintToCompileBeforeRunningIt() {
    compilerSlow = true;

    JsonNode view = new DemoRunner(baseUrl()).run(DEMO, quiet());

    assertThat(view.path("status").asText()).isEqualTo("completed");
    assertThat(requests).filteredOn(r -> r.startsWith("GET /api/v1/blueprints/bp-1")).hasSize(2);
    assertThat(requests.getLast()).startsWith("POST /api/v1/executions");
  }

  @Test
  void shouldFailUnlessTheExecutionCompleted() {
    executionStatus = "failed";

    assertThatThrownBy(() -> new DemoRunner(baseUrl()).run(DEMO, quiet()))
        .isInstanceOf(DemoRunner.DemoFailedException.class)
        .hasMessageContaining("status 'failed', not 'completed'");
  }

  @Test
  void shouldReportAnUnexpectedAnswerWithItsBody() {
    executionCode = 409;

    assertThatThrownBy(() -> new DemoRunner(baseUrl()).run(DEMO, quiet()))
        .isInstanceOf(DemoRunner.DemoFailedException.class)
        .hasMessageContaining("starting the execution: expected HTTP 200 but got 409")
        .hasMessageContaining("not compiled");
  }

  private void createBlueprint(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String greet =
        body.replaceAll("\\s", "").contains("\"id\":\"greet\"") ? "\"id\":\"greet\"" : "";
    record(exchange, greet);
    if ("GET".equals(exchange.getRequestMethod())) {
      // pending on the first read, compiled on the second
      String status = blueprintReads.incrementAndGet() < 2 ? "pending" : "compiled";
      answer(exchange, 200, "{\"id\": \"bp-1\", \"status\": \"%s\"}".formatted(status));
      return;
    }
    answer(
        exchange,
        compilerSlow ? 202 : 201,
        "{\"id\": \"bp-1\", \"version_lock\": \"v1\", \"status\": \"%s\"}"
            .formatted(compilerSlow ? "pending" : "compiled"));
  }

  private void runExecution(HttpExchange exchange) throws IOException {
    record(exchange, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (executionCode != 200) {
      answer(exchange, executionCode, "{\"title\": \"not compiled\"}");
      return;
    }
    answer(
        exchange,
        200,
        "{\"execution_id\": \"ex-1\", \"status\": \"%s\", \"usage\": {\"cost_usd\": 0.000148}}"
            .formatted(executionStatus));
  }

  private void record(HttpExchange exchange, String body) {
    Map<String, List<String>> headers = exchange.getRequestHeaders();
    requests.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " "
            + headers.getOrDefault("Authorization", List.of("none")).getFirst()
            + " "
            + headers
                .getOrDefault("X-Version-Lock", java.util.Collections.singletonList(null))
                .getFirst()
            + " "
            + body);
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
