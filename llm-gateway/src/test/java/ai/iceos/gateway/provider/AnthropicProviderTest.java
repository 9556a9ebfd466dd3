package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.provider.fake.FakeAnthropic;
import ai.iceos.gateway.provider.fake.FakeProviderServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnthropicProviderTest extends HttpProviderTest {

  @BeforeAll
  static void startFake() {
    fake = new FakeProviderServer(FakeAnthropic::answer);
  }

  @Override
  protected LlmProvider provider() {
    var endpoint =
        new ProviderEndpoint(
            "anthropic",
            ProviderEndpoint.WireFormat.ANTHROPIC,
            fake.baseUrl("/v1"),
            new Secret(KEY));
    return new AnthropicProvider(endpoint, HTTP, JSON);
  }

  @Override
  protected String model() {
    return "claude-sonnet-4";
  }

  @Test
  void shouldSendSystemToolUseAndToolResultAsTheMessagesApiExpects() {
    var call = ToolCall.function("toolu_1", "weather", "{\"city\":\"Paris\"}");
    var request =
        ChatRequest.of(
                model(),
                List.of(
                    ChatMessage.of(Role.SYSTEM, "Be brief."),
                    ChatMessage.of(Role.USER, "Weather in Paris?"),
                    ChatMessage.assistantCalling(List.of(call)),
                    ChatMessage.toolResult("toolu_1", "{\"temp_c\":21}")))
            .withTools(List.of(weatherTool()), null)
            .withMaxTokens(100);

    complete(request);

    var sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.headers()).containsEntry("x-api-key", KEY);
    assertThat(sent.headers()).containsEntry("anthropic-version", "2023-06-01");
    var body = sent.body();
    assertThat(body.path("system").asText()).isEqualTo("Be brief.");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
    assertThat(body.path("messages")).hasSize(3);
    var toolUse = body.path("messages").path(1).path("content").path(0);
    assertThat(toolUse.path("type").asText()).isEqualTo("tool_use");
    assertThat(toolUse.path("input").path("city").asText()).isEqualTo("Paris");
    var toolResult = body.path("messages").path(2).path("content").path(0);
    assertThat(toolResult.path("type").asText()).isEqualTo("tool_result");
    assertThat(toolResult.path("tool_use_id").asText()).isEqualTo("toolu_1");
    assertThat(body.path("tools").path(0).path("input_schema").path("type").asText())
        .isEqualTo("object");
    assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("auto");
  }

  @Test
  void shouldCountCacheReadsAsCachedPromptTokens() {
    var response = complete(ChatRequest.of(model(), List.of(ChatMessage.of(Role.USER, "Hi"))));

    assertThat(response.usage().promptTokens()).isEqualTo(21);
    assertThat(response.usage().cachedPromptTokens()).isEqualTo(4);
  }

  @Test
  void shouldStreamTextDeltasAsTheyCome() {
    var deltas = deltas(ChatRequest.of(model(), List.of(ChatMessage.of(Role.USER, "Hi"))));

    assertThat(deltas.stream().filter(d -> d.content() != null)).hasSizeGreaterThan(1);
    assertThat(fake.lastRequest().body().path("stream").asBoolean()).isTrue();
  }
}
