package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Gemini API ({@code POST <base>/models/<model>:generateContent}, {@code x-goog-api-key}); a
 * stream is {@code :streamGenerateContent?alt=sse}.
 */
public final class GoogleProvider implements LlmProvider {
  private final ProviderEndpoint endpoint;
  private final ProviderHttp http;
  private final ObjectMapper json;

  public GoogleProvider(ProviderEndpoint endpoint, ProviderHttp http, ObjectMapper json) {
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
    return http.postJson(
            name(), url(request, ":generateContent"), headers(), GoogleWire.request(request))
        .map(body -> GoogleWire.response(request, body));
  }

  @Override
  public Multi<ChatDelta> stream(ChatRequest request) {
    return Multi.createFrom()
        .deferred(
            () -> {
              GoogleStream chunks = new GoogleStream();
              return http.postSse(
                      name(),
                      url(request, ":streamGenerateContent?alt=sse"),
                      headers(),
                      GoogleWire.request(request))
                  .map(event -> chunks.next(SseJson.parse(json, name(), event)));
            });
  }

  private String url(ChatRequest request, String method) {
    String model = URLEncoder.encode(request.model(), StandardCharsets.UTF_8);
    return endpoint.baseUrl() + "/models/" + model + method;
  }

  private Map<String, String> headers() {
    return endpoint.apiKey().map(key -> Map.of("x-goog-api-key", key.reveal())).orElse(Map.of());
  }
}
