package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.provider.fake.FakeGoogle;
import ai.iceos.gateway.provider.fake.FakeProviderServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GoogleProviderTest extends HttpProviderTest {

  @BeforeAll
  static void startFake() {
    fake = new FakeProviderServer(FakeGoogle::answer);
  }

  @Override
  protected LlmProvider provider() {
    var endpoint =
        new ProviderEndpoint(
            "google", ProviderEndpoint.WireFormat.GOOGLE, fake.baseUrl("/v1beta"), new Secret(KEY));
    return new GoogleProvider(endpoint, HTTP, JSON);
  }

  @Override
  protected String model() {
    return "gemini-2.5-flash";
  }

  @Test
  void shouldSendContentsFunctionResponsesAndJsonModeAsGeminiExpects() throws Exception {
    var call = ToolCall.function("call_0", "weather", "{\"city\":\"Paris\"}");
    var request =
        new ChatRequest(
            model(),
            List.of(
                ChatMessage.of(Role.SYSTEM, "Be brief."),
                ChatMessage.of(Role.USER, "Weather in Paris?"),
                ChatMessage.assistantCalling(List.of(call)),
                ChatMessage.toolResult("call_0", "{\"temp_c\":21}")),
            List.of(weatherTool()),
            null,
            0.2,
            64,
            JSON.readTree("{\"type\":\"json_object\"}"),
            List.of());

    complete(request);

    var sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(sent.headers()).containsEntry("x-goog-api-key", KEY);
    var body = sent.body();
    assertThat(body.path("systemInstruction").path("parts").path(0).path("text").asText())
        .isEqualTo("Be brief.");
    var contents = body.path("contents");
    assertThat(contents.path(1).path("role").asText()).isEqualTo("model");
    assertThat(contents.path(1).path("parts").path(0).path("functionCall").path("name").asText())
        .isEqualTo("weather");
    var functionResponse = contents.path(2).path("parts").path(0).path("functionResponse");
    assertThat(functionResponse.path("name").asText()).isEqualTo("weather");
    assertThat(functionResponse.path("response").path("temp_c").asInt()).isEqualTo(21);
    assertThat(
            body.path("tools").path(0).path("functionDeclarations").path(0).path("name").asText())
        .isEqualTo("weather");
    var generation = body.path("generationConfig");
    assertThat(generation.path("maxOutputTokens").asInt()).isEqualTo(64);
    assertThat(generation.path("responseMimeType").asText()).isEqualTo("application/json");
  }

  @Test
  void shouldReadUsageMetadata() {
    var response = complete(ChatRequest.of(model(), List.of(ChatMessage.of(Role.USER, "Hi"))));

    assertThat(response.usage().promptTokens()).isEqualTo(21);
    assertThat(response.usage().cachedPromptTokens()).isEqualTo(3);
    assertThat(response.usage().completionTokens()).isEqualTo(9);
  }

  @Test
  void shouldStreamWithAltSse() {
    var deltas = deltas(ChatRequest.of(model(), List.of(ChatMessage.of(Role.USER, "Hi"))));

    assertThat(deltas.stream().filter(d -> d.content() != null)).hasSizeGreaterThan(1);
    assertThat(fake.lastRequest().path()).endsWith(":streamGenerateContent?alt=sse");
  }
}
