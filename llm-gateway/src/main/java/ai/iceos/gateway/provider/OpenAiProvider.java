package ai.iceos.gateway.provider;

import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * Any OpenAI-compatible Chat Completions API ({@code POST <base>/chat/completions}, bearer key):
 * OpenAI, DeepSeek, Groq, Ollama, vLLM. Streams are passed on chunk by chunk, with {@code
 * stream_options.include_usage} so the last chunk carries the usage.
 */
public final class OpenAiProvider implements LlmProvider {
  private final ProviderEndpoint endpoint;
  private final ProviderHttp http;
  private final TokenMeter meter;
  private final ObjectMapper json;

  public OpenAiProvider(
      ProviderEndpoint endpoint, ProviderHttp http, TokenMeter meter, ObjectMapper json) {
    this.endpoint = endpoint;
    this.http = http;
    this.meter = meter;
    this.json = json;
  }

  @Override
  public String name() {
    return endpoint.name();
  }

  @Override
  public Uni<ChatResponse> complete(ChatRequest request) {
    return http.post(
            name(), url(), headers(), OpenAiWire.request(request, false), OpenAiAnswer::parse)
        .map(body -> OpenAiWire.response(request, body, meter));
  }

  @Override
  public Multi<ChatDelta> stream(ChatRequest request) {
    return http.postSse(name(), url(), headers(), OpenAiWire.request(request, true))
        .select()
        .where(event -> !"[DONE]".equals(event.data().strip()))
        .map(event -> OpenAiWire.delta(SseJson.parse(json, name(), event)));
  }

  private String url() {
    return endpoint.baseUrl() + "/chat/completions";
  }

  private Map<String, String> headers() {
    return endpoint
        .apiKey()
        .map(key -> Map.of("Authorization", "Bearer " + key.reveal()))
        .orElse(Map.of());
  }
}
