package ai.iceos.worker.http;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls an HTTP API through {@link OutboundHttp} (https only and public addresses only unless
 * allow-listed, on every redirect hop; bounded time and body). Returns {@code {status, headers,
 * body, url}} with a JSON body parsed. With {@code raise_for_status} (default), 5xx and 429 fail as
 * a retryable {@code http-error} and other 4xx as a permanent one.
 */
@Singleton
final class HttpRequestTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["url"],
           "properties": {
             "url": {"type": "string", "minLength": 1, "description": "absolute https URL"},
             "method": {"enum": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"],
                        "default": "GET", "description": "HTTP method"},
             "headers": {"type": "object", "additionalProperties": {"type": "string"},
                         "default": {}, "description": "request headers"},
             "body": {"description": "request body: a string as is, any other JSON as JSON"},
             "follow_redirects": {"type": "boolean", "default": true,
                                  "description": "follow 3xx answers (each hop is checked)"},
             "raise_for_status": {"type": "boolean", "default": true,
                                  "description": "fail on 4xx and 5xx answers"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["status", "headers", "body", "url"],
           "properties": {"status": {"type": "integer"}, "headers": {"type": "object"},
                          "body": {}, "url": {"type": "string"}}}
          """);

  private final OutboundHttp http;

  HttpRequestTool(OutboundHttp http) {
    this.http = http;
  }

  @Override
  public String name() {
    return "http_request";
  }

  @Override
  public String description() {
    return "Calls a public https API and returns status, headers and body.";
  }

  @Override
  public JsonNode inputSchema() {
    return INPUT;
  }

  @Override
  public JsonNode outputSchema() {
    return OUTPUT;
  }

  @Override
  public Uni<JsonNode> execute(JsonNode args, ToolContext context) {
    HttpExchange.Request request = request(args);
    boolean raise = args.path("raise_for_status").asBoolean(true);
    return http.send(request, args.path("follow_redirects").asBoolean(true))
        .map(reply -> answer(reply, raise));
  }

  private static HttpExchange.Request request(JsonNode args) {
    Map<String, String> headers = new LinkedHashMap<>();
    args.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
    JsonNode body = args.get("body");
    byte[] bytes = null;
    if (body != null && !body.isNull()) {
      bytes =
          (body.isTextual() ? body.textValue() : body.toString()).getBytes(StandardCharsets.UTF_8);
      if (!body.isTextual()
          && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
        headers.put("Content-Type", "application/json");
      }
    }
    return new HttpExchange.Request(
        args.path("method").asText("GET"), uri(args.get("url").asText()), headers, bytes);
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw ToolException.invalidArguments("'url' is not a URL: " + e.getReason());
    }
  }

  private static JsonNode answer(HttpExchange.Reply reply, boolean raise) {
    if (raise && reply.status() >= 400) {
      throw new ToolException(
          "http-error",
          AddressGuard.redacted(reply.uri()) + " answered HTTP " + reply.status(),
          reply.isRetryable());
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("status", reply.status());
    ObjectNode headers = answer.putObject("headers");
    reply.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
    answer.set("body", body(reply));
    answer.put("url", reply.uri().toString());
    return answer;
  }

  private static JsonNode body(HttpExchange.Reply reply) {
    String text = new String(reply.body(), StandardCharsets.UTF_8);
    List<String> type = reply.headers().getOrDefault("content-type", List.of());
    if (type.stream().anyMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains("json"))
        && !text.isBlank()) {
      try {
        return IceosJson.mapper().readTree(text);
      } catch (IOException e) {
        return JsonNodeFactory.instance.textNode(text);
      }
    }
    return JsonNodeFactory.instance.textNode(text);
  }
}
