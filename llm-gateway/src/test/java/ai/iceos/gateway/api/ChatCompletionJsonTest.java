package ai.iceos.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatResponse;
import ai.iceos.gateway.chat.Completion;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCall;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChatCompletionJsonTest {
  /** The REST mapper's settings (JsonCustomizer applies IceosJson to Quarkus' mapper). */
  private static final ObjectMapper REST = IceosJson.configure(new ObjectMapper());

  @Test
  void shouldWriteAnAnswerAsOpenAiDoesWithTheGatewayExtensions() {
    var text =
        json(
            completion(
                new ChatMessage(Role.ASSISTANT, "pong", List.of(), null, null),
                FinishReason.STOP,
                new TokenUsage(11, 0, 1),
                3,
                false));

    assertThat(text)
        .isEqualTo(
            "{\"id\":\"chatcmpl-000000000000000000000000000000ab\",\"object\":\"chat.completion\","
                + "\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"provider\":\"openai\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"pong\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":11,"
                + "\"completion_tokens\":1,\"total_tokens\":12,\"cost_usd\":0.000003}}");
  }

  /** Byte for byte what the REST mapper wrote for the same view (the route wrote its bytes). */
  @ParameterizedTest
  @MethodSource("completions")
  void shouldWriteWhatTheRestMapperWrites(Completion completion) throws Exception {
    var view = ChatCompletionView.of(completion);

    assertThat(new String(ChatCompletionJson.write(view), StandardCharsets.UTF_8))
        .isEqualTo(new String(REST.writeValueAsBytes(view), StandardCharsets.UTF_8));
  }

  static Stream<Completion> completions() {
    return Stream.of(
        completion(
            new ChatMessage(Role.ASSISTANT, "pong", List.of(), null, null),
            FinishReason.STOP,
            new TokenUsage(11, 0, 1),
            3,
            false),
        completion(
            ChatMessage.assistantCalling(
                List.of(
                    ToolCall.function("call_abc123", "weather", "{\"city\":\"Paris\"}"),
                    ToolCall.function("call_2", "time", "{}"))),
            FinishReason.TOOL_CALLS,
            new TokenUsage(82, 5, 17),
            1_234_567,
            false),
        completion(
            new ChatMessage(
                Role.ASSISTANT,
                "quotes \" backslash \\ newline \n tab \t unicode é ✓ \u0001 emoji 🎉",
                List.of(),
                "call_9",
                "helper"),
            FinishReason.LENGTH,
            new TokenUsage(0, 0, 0),
            0,
            true),
        completion(
            new ChatMessage(Role.ASSISTANT, "", List.of(), null, null),
            FinishReason.CONTENT_FILTER,
            new TokenUsage(5, 5, 2),
            9_000_000_000L,
            false));
  }

  private static String json(Completion completion) {
    return new String(
        ChatCompletionJson.write(ChatCompletionView.of(completion)), StandardCharsets.UTF_8);
  }

  private static Completion completion(
      ChatMessage message, FinishReason finish, TokenUsage usage, long cost, boolean cacheHit) {
    return new Completion(
        UUID.fromString("00000000-0000-0000-0000-0000000000ab"),
        Instant.ofEpochSecond(1_700_000_000),
        cacheHit ? "cache" : "openai",
        new ChatResponse("gpt-4o-mini", message, finish, usage),
        cost,
        cacheHit);
  }
}
