package ai.iceos.worker.messaging;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny OpenAI-compatible {@code /v1/chat/completions} on an ephemeral port, standing in for
 * llm-gateway's offline provider. By model: {@code rate-limited} answers 429 with {@code
 * Retry-After: 3}; {@code broke} answers 402; {@code json} answers {@code {"answer": 42}}; any
 * other model answers {@code ECHO::<last user message>}, or, with tools offered, like the offline
 * provider: calls the first tool named in the last user message (else the first tool) once with
 * {@code {}}, then answers {@code ECHO::<tool result JSON>}. A request without the iceOS
 * attribution headers gets a 400.
 */
public final class FakeGatewayResource implements QuarkusTestResourceLifecycleManager {
  private HttpServer server;
  private ExecutorService executor;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake gateway", e);
    }
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", FakeGatewayResource::handle);
    server.start();
    return Map.of(
        "quarkus.rest-client.llm-gateway.url", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    JsonNode request = IceosJson.mapper().readTree(exchange.getRequestBody());
    String model = request.path("model").asText();
    var headers = exchange.getRequestHeaders();
    if (headers.getFirst("X-Iceos-Execution-Id") == null
        || headers.getFirst("X-Iceos-Node-Id") == null
        || headers.getFirst("X-Iceos-Org-Id") == null) {
      reply(exchange, 400, error("missing attribution headers"));
      return;
    }
    switch (model) {
      case "rate-limited" -> {
        exchange.getResponseHeaders().add("Retry-After", "3");
        reply(exchange, 429, error("Rate limit exceeded for org"));
      }
      case "broke" -> reply(exchange, 402, error("Budget of $1.00 exceeded"));
      case "json" -> reply(exchange, 200, completion(model, "{\"answer\": 42}"));
      default -> {
        JsonNode messages = request.path("messages");
        if (!request.path("tools").isEmpty()) {
          reply(exchange, 200, agentTurn(model, messages, request.path("tools")));
          return;
        }
        String prompt = messages.get(messages.size() - 1).path("content").asText();
        reply(exchange, 200, completion(model, "ECHO::" + prompt));
      }
    }
  }

  private static String agentTurn(String model, JsonNode messages, JsonNode tools)
      throws IOException {
    String lastUser = "";
    String lastTool = null;
    for (JsonNode message : messages) {
      switch (message.path("role").asText()) {
        case "user" -> lastUser = message.path("content").asText();
        case "tool" -> lastTool = message.path("content").asText();
        default -> {}
      }
    }
    if (lastTool != null) {
      return completion(model, "ECHO::" + lastTool);
    }
    String chosen = tools.get(0).at("/function/name").asText();
    for (JsonNode tool : tools) {
      if (lastUser.contains(tool.at("/function/name").asText())) {
        chosen = tool.at("/function/name").asText();
        break;
      }
    }
    ObjectNode body = (ObjectNode) IceosJson.mapper().readTree(completion(model, null));
    ObjectNode message = (ObjectNode) body.at("/choices/0/message");
    ObjectNode call = message.putArray("tool_calls").addObject().put("id", "call-1");
    call.put("type", "function");
    call.putObject("function").put("name", chosen).put("arguments", "{}");
    return body.toString();
  }

  private static String completion(String model, String content) {
    ObjectNode body = IceosJson.mapper().createObjectNode().put("id", "fake-1").put("model", model);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    body.putObject("usage")
        .put("prompt_tokens", 5)
        .put("completion_tokens", 7)
        .put("total_tokens", 12)
        .put("cost_usd", 0.00042);
    return body.toString();
  }

  private static String error(String message) {
    ObjectNode body = IceosJson.mapper().createObjectNode();
    body.putObject("error").put("message", message).put("type", "test");
    return body.toString();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
