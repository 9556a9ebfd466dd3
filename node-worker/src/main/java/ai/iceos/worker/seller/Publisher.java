package ai.iceos.worker.seller;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.http.HttpExchange;
import ai.iceos.worker.http.OutboundHttp;
import ai.iceos.worker.tool.ToolException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Posts JSON payloads with a bearer key, or, in dry-run mode, answers with a local id without any
 * network call. The answer is {@code {status: "dry_run"|"posted", id, uploaded, http_status,
 * response}}; a non-2xx answer after retries is an {@code http-error}, retryable for 5xx and 429.
 */
public final class Publisher {
  private final PublishingSettings settings;
  private final OutboundHttp http;

  public Publisher(PublishingSettings settings, OutboundHttp http) {
    this.settings = settings;
    this.http = http;
  }

  PublishingSettings settings() {
    return settings;
  }

  /**
   * @param localId the id returned in dry-run mode, e.g. {@code LOC-<sku>}
   */
  Uni<JsonNode> post(URI url, JsonNode payload, String localId) {
    if (settings.dryRun()) {
      return Uni.createFrom().item(answer("dry_run", localId, false, null, NullNode.getInstance()));
    }
    String key = settings.apiKey();
    if (key == null) {
      return Uni.createFrom()
          .failure(
              ToolException.invalidArguments(
                  "Publishing is live but environment variable "
                      + settings.apiKeyEnv()
                      + " holds no API key"));
    }
    HttpExchange.Request request =
        new HttpExchange.Request(
            "POST",
            url,
            Map.of("Content-Type", "application/json", "Authorization", "Bearer " + key),
            write(payload));
    return http.sendWithRetries(request, settings.maxAttempts(), settings.initialBackoff())
        .map(reply -> posted(reply, localId));
  }

  private static JsonNode posted(HttpExchange.Reply reply, String localId) {
    if (reply.status() < 200 || reply.status() > 299) {
      throw new ToolException(
          "http-error",
          "POST " + reply.uri().getHost() + " answered HTTP " + reply.status(),
          reply.isRetryable());
    }
    JsonNode body = parse(reply.body());
    String id =
        body.hasNonNull("id")
            ? body.get("id").asText()
            : body.hasNonNull("listing_id") ? body.get("listing_id").asText() : localId;
    return answer("posted", id, true, reply.status(), body);
  }

  private static ObjectNode answer(
      String status, String id, boolean uploaded, Integer httpStatus, JsonNode response) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("status", status);
    answer.put("id", id);
    answer.put("uploaded", uploaded);
    answer.put("http_status", httpStatus);
    answer.set("response", response);
    return answer;
  }

  private static byte[] write(JsonNode payload) {
    try {
      return IceosJson.mapper().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JsonNode always serializes", e);
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return IceosJson.mapper().readTree(body);
    } catch (IOException e) {
      return JsonNodeFactory.instance.textNode(new String(body, StandardCharsets.UTF_8));
    }
  }
}
