package ai.iceos.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatResponse;
import ai.iceos.gateway.chat.Completion;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.LiveCompletion;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCallPart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompletionChunksTest {
  private static final ObjectMapper JSON = IceosJson.configure(new ObjectMapper());
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000ab");

  private final CompletionChunks chunks =
      new CompletionChunks(
          new LiveCompletion(
              ID,
              Instant.ofEpochSecond(1_700_000_000),
              "openai",
              "gpt-4o",
              Multi.createFrom().empty()),
          JSON);

  @Test
  void shouldSendTheRoleWithTheFirstContentOnlyAndSkipEmptyDeltas() throws Exception {
    assertThat(chunks.delta(ChatDelta.text(""))).isEmpty();
    assertThat(chunks.delta(ChatDelta.finish(FinishReason.STOP, null))).isEmpty();

    JsonNode first = parse(chunks.delta(ChatDelta.text("Hello")));
    JsonNode second = parse(chunks.delta(ChatDelta.text(" world")));

    assertThat(first.path("id").asText()).isEqualTo("chatcmpl-000000000000000000000000000000ab");
    assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.path("created").asLong()).isEqualTo(1_700_000_000L);
    assertThat(first.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    assertThat(first.at("/choices/0/delta/content").asText()).isEqualTo("Hello");
    assertThat(first.at("/choices/0/finish_reason").isNull()).isTrue();
    assertThat(second.at("/choices/0/delta").has("role")).isFalse();
    assertThat(second.at("/choices/0/delta/content").asText()).isEqualTo(" world");
  }

  @Test
  void shouldPassToolCallFragmentsWithTheirIndex() throws Exception {
    JsonNode opening =
        parse(
            chunks.delta(
                new ChatDelta(
                    null, List.of(new ToolCallPart(0, "call_1", "search", "")), null, null)));
    JsonNode fragment =
        parse(
            chunks.delta(
                new ChatDelta(
                    null, List.of(new ToolCallPart(0, null, null, "{\"q\":1}")), null, null)));

    assertThat(opening.at("/choices/0/delta/tool_calls/0/id").asText()).isEqualTo("call_1");
    assertThat(opening.at("/choices/0/delta/tool_calls/0/type").asText()).isEqualTo("function");
    assertThat(opening.at("/choices/0/delta/tool_calls/0/function/name").asText())
        .isEqualTo("search");
    assertThat(fragment.at("/choices/0/delta/tool_calls/0/index").asInt()).isZero();
    assertThat(fragment.at("/choices/0/delta/tool_calls/0/function/arguments").asText())
        .isEqualTo("{\"q\":1}");
  }

  @Test
  void shouldEndWithTheFinishReasonAndTheBookedUsage() throws Exception {
    var response =
        new ChatResponse(
            "gpt-4o",
            ChatMessage.of(Role.ASSISTANT, "Hi"),
            FinishReason.LENGTH,
            TokenUsage.of(5, 2));
    var completion = new Completion(ID, Instant.now(), "openai", response, 1_500, false);

    JsonNode last = parse(chunks.finish(completion));

    assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(last.at("/usage/prompt_tokens").asInt()).isEqualTo(5);
    assertThat(last.at("/usage/completion_tokens").asInt()).isEqualTo(2);
    assertThat(last.at("/usage/total_tokens").asInt()).isEqualTo(7);
    assertThat(last.at("/usage/cost_usd").decimalValue()).isEqualByComparingTo("0.0015");
  }

  private static JsonNode parse(String event) throws Exception {
    assertThat(event).startsWith("data: ").endsWith("\n\n");
    return JSON.readTree(event.substring("data: ".length()));
  }
}
