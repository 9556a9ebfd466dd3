package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.FunctionDefinition;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.StreamedAnswer;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolDefinition;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link LlmProvider} guarantees; each implementation's test extends this. */
abstract class LlmProviderContractTest {
  protected static final TokenMeter METER = new TokenMeter();
  protected static final ObjectMapper JSON = new ObjectMapper();

  protected abstract LlmProvider provider();

  /** A model the provider under test serves. */
  protected abstract String model();

  protected ChatResponse complete(ChatRequest request) {
    return provider().complete(request).await().atMost(Duration.ofSeconds(30));
  }

  protected List<ChatDelta> deltas(ChatRequest request) {
    return provider().stream(request).collect().asList().await().atMost(Duration.ofSeconds(30));
  }

  /** The streamed answer, collected as the gateway collects it. */
  protected ChatResponse stream(ChatRequest request) {
    StreamedAnswer answer = new StreamedAnswer(request);
    deltas(request).forEach(answer::add);
    return answer.toResponse(METER);
  }

  protected static ToolDefinition weatherTool() {
    try {
      return new ToolDefinition(
          "function",
          new FunctionDefinition(
              "weather",
              "Current weather of a city",
              JSON.readTree(
                  "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}},"
                      + " \"required\": [\"city\"]}")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldStreamTheAnswerItCompletes() {
    var request = ChatRequest.of(model(), List.of(ChatMessage.of(Role.USER, "Hi")));

    var whole = complete(request);
    var streamed = stream(request);

    assertThat(streamed.message().content()).isEqualTo(whole.message().content());
    assertThat(streamed.finishReason()).isEqualTo(whole.finishReason());
    assertThat(streamed.usage()).isEqualTo(whole.usage());
  }

  @Test
  void shouldCallAnOfferedToolWhetherStreamingOrNot() throws Exception {
    var request =
        ChatRequest.of(model(), List.of(ChatMessage.of(Role.USER, "What is the weather in Paris?")))
            .withTools(List.of(weatherTool()), null);

    for (ChatResponse response : List.of(complete(request), stream(request))) {
      assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
      assertThat(response.message().toolCalls()).hasSize(1);
      var call = response.message().toolCalls().getFirst();
      assertThat(call.id()).isNotBlank();
      assertThat(call.function().name()).isEqualTo("weather");
      assertThat(JSON.readTree(call.function().arguments()).path("city").isTextual()).isTrue();
    }
  }

  @Test
  void shouldAnswerInTextAfterAToolResult() {
    var call = ToolCall.function("call_1", "weather", "{\"city\":\"Paris\"}");
    var request =
        ChatRequest.of(
                model(),
                List.of(
                    ChatMessage.of(Role.SYSTEM, "You are terse."),
                    ChatMessage.of(Role.USER, "What is the weather in Paris?"),
                    ChatMessage.assistantCalling(List.of(call)),
                    ChatMessage.toolResult("call_1", "{\"temp_c\":21}")))
            .withTools(List.of(weatherTool()), null);

    var response = complete(request);

    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.message().toolCalls()).isEmpty();
    assertThat(response.message().content()).isNotBlank();
  }

  @Test
  void shouldAnswerWithAnAssistantMessageAndUsage() {
    var response = complete(ChatRequest.of(model(), List.of(ChatMessage.of(Role.USER, "Hi"))));

    assertThat(response.message().role()).isEqualTo(Role.ASSISTANT);
    assertThat(response.message().content()).isNotBlank();
    assertThat(response.usage().promptTokens()).isPositive();
    assertThat(response.usage().completionTokens()).isPositive();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void shouldNeverExceedMaxTokens() {
    var request =
        ChatRequest.of(
                model(),
                List.of(ChatMessage.of(Role.USER, "Write a long story about a lighthouse keeper.")))
            .withMaxTokens(2);

    var response = complete(request);

    assertThat(response.usage().completionTokens()).isLessThanOrEqualTo(2);
    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void shouldHaveAStableName() {
    assertThat(provider().name()).isNotBlank().isEqualTo(provider().name());
  }
}
