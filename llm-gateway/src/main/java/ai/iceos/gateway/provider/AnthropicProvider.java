package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;

/** The Anthropic Messages API ({@code POST <base>/messages}, {@code x-api-key}), streaming too. */
public final class AnthropicProvider implements LlmProvider {
  private final ProviderEndpoint endpoint;
  private final ProviderHttp http;
  private final ObjectMapper json;

  public AnthropicProvider(ProviderEndpoint endpoint, ProviderHttp http, ObjectMapper json) {
    this.endpoint = endpoint;
    this.http = http;
    this.json = json;
  }

  @Override
  public String name() {
    return endpoint.name();
  }

  @Override
  public Uni<ChatResponse> complete(ChatRequest request) {
    return http.postJson(name(), url(), headers(), AnthropicWire.request(request, false))
        .map(body -> AnthropicWire.response(request, body));
  }

  @Override
  public Multi<ChatDelta> stream(ChatRequest request) {
    return Multi.createFrom()
        .deferred(
            () -> {
              AnthropicStream events = new AnthropicStream(name());
              return http.postSse(name(), url(), headers(), AnthropicWire.request(request, true))
                  .onItem()
                  .transformToIterable(
                      event ->
                          events.next(event.event(), SseJson.parse(json, name(), event)).stream()
                              .toList());
            });
  }

  private String url() {
    return endpoint.baseUrl() + "/messages";
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new HashMap<>();
    headers.put("anthropic-version", AnthropicWire.VERSION);
    endpoint.apiKey().ifPresent(key -> headers.put("x-api-key", key.reveal()));
    return headers;
  }
}
