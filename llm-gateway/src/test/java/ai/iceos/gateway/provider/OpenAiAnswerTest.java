package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiAnswerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The OpenAI API reference's tool-call answer, as the contract fake sends it. */
  private static final String TOOL_CALL =
      "{\"id\":\"chatcmpl-fake1\",\"object\":\"chat.completion\",\"created\":1741569952,"
          + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":null,\"tool_calls\":[{\"id\":\"call_abc123\",\"type\":\"function\","
          + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}],"
          + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],"
          + "\"usage\":{\"prompt_tokens\":82,\"completion_tokens\":17,\"total_tokens\":99,"
          + "\"prompt_tokens_details\":{\"cached_tokens\":5,\"audio_tokens\":0},"
          + "\"completion_tokens_details\":{\"reasoning_tokens\":0}},\"service_tier\":\"default\"}";

  @Test
  void shouldReadTextFinishReasonAndUsage() throws IOException {
    var answer =
        parse(
            "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"pong\"},\"logprobs\":null,\"finish_reason\":"
                + "\"stop\"}],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":1,"
                + "\"total_tokens\":12}}");

    assertThat(answer.content()).isEqualTo("pong");
    assertThat(answer.toolCalls()).isEmpty();
    assertThat(answer.finishReason()).isEqualTo("stop");
    assertThat(answer.usage()).contains(new TokenUsage(11, 0, 1));
  }

  @Test
  void shouldReadToolCallsAndCachedPromptTokens() throws IOException {
    var answer = parse(TOOL_CALL);

    assertThat(answer.content()).isNull();
    assertThat(answer.toolCalls())
        .containsExactly(ToolCall.function("call_abc123", "weather", "{\"city\":\"Paris\"}"));
    assertThat(answer.finishReason()).isEqualTo("tool_calls");
    assertThat(answer.usage()).contains(new TokenUsage(82, 5, 17));
  }

  @Test
  void shouldReadDeepSeekCacheHitsAndCapThemAtThePrompt() throws IOException {
    var answer =
        parse(
            "{\"choices\":[{\"message\":{\"content\":\"hi\"},\"finish_reason\":\"length\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3,"
                + "\"prompt_cache_hit_tokens\":40,\"prompt_cache_miss_tokens\":0}}");

    assertThat(answer.usage()).contains(new TokenUsage(10, 10, 3));
    assertThat(answer.finishReason()).isEqualTo("length");
  }

  @Test
  void shouldHaveNoUsageWhenTheProviderSendsNone() throws IOException {
    assertThat(parse("{\"choices\":[{\"message\":{\"content\":\"hi\"}}]}").usage()).isEmpty();
    assertThat(parse("{\"choices\":[],\"usage\":null}").usage()).isEmpty();
    assertThat(parse("{\"usage\":{\"completion_tokens\":3}}").usage()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"choices\":[{\"message\":{\"content\":\"cut",
        "{\"choices\":[{\"message\":{\"content\":\"x\"}}],\"usage\":{\"prompt_tokens\":1,}}",
        "{\"choices\":[{\"message\":{\"content\":\"x\"}}],\"extra\":[1,2,}",
        "not json at all",
        "{\"usage\":{\"prompt_tokens\":1}"
      })
  void shouldRefuseMalformedJson(String body) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(IOException.class);
  }

  /**
   * The streaming reading gives what the tree reading it replaced gave (decision 0146), on the
   * usual answers and on odd ones: the tree reading is kept here as the oracle.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        TOOL_CALL,
        "{\"choices\":[{\"message\":{\"content\":\"a\"},\"finish_reason\":\"stop\"},"
            + "{\"message\":{\"content\":\"b\"},\"finish_reason\":\"length\"}]}",
        "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}}]}",
        "{\"choices\":[{\"message\":{\"content\":42},\"finish_reason\":null}]}",
        "{\"choices\":[{\"message\":\"odd\",\"finish_reason\":{\"a\":1}}]}",
        "{\"choices\":[null,{\"message\":{\"content\":\"second\"}}]}",
        "{\"choices\":{\"0\":{\"message\":{\"content\":\"x\"}}}}",
        "{\"choices\":[{\"message\":{\"tool_calls\":[{\"id\":null,\"function\":{\"name\":\"f\","
            + "\"arguments\":null}},{\"function\":{\"arguments\":{\"a\":1}}},\"x\",{\"id\":7}]}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"first\"}}],\"choices\":[]}",
        "{\"usage\":{\"prompt_tokens\":null,\"completion_tokens\":\"4\"}}",
        "{\"usage\":{\"prompt_tokens\":\"12\",\"completion_tokens\":2.9,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":null},\"prompt_cache_hit_tokens\":3}}",
        "{\"usage\":{\"prompt_tokens\":12,\"prompt_tokens_details\":{\"cached_tokens\":\"x\"}}}",
        "{\"usage\":{\"prompt_tokens\":12,\"prompt_tokens_details\":[1]}}",
        "{\"usage\":{\"prompt_tokens\":{\"a\":1},\"completion_tokens\":true}}",
        "{\"usage\":{\"prompt_tokens\":9},\"usage\":{\"completion_tokens\":1}}",
        "{\"usage\":[1,2]}",
        "[{\"choices\":[{\"message\":{\"content\":\"x\"}}]}]",
        "\"just text\"",
        "",
        "{\"choices\":[{\"message\":{\"content\":\"x\"}}]} trailing"
      })
  void shouldReadWhatTheTreeReadingRead(String body) throws IOException {
    assertThat(parse(body)).isEqualTo(byTree(body));
  }

  private static OpenAiAnswer parse(String body) throws IOException {
    return OpenAiAnswer.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The reading of an answer before decision 0146: a {@code JsonNode} tree, then paths. */
  private static OpenAiAnswer byTree(String text) throws IOException {
    JsonNode body = JSON.readTree(text.getBytes(StandardCharsets.UTF_8));
    JsonNode choice = body.path("choices").path(0);
    JsonNode message = choice.path("message");
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : message.path("tool_calls")) {
      calls.add(
          ToolCall.function(
              call.path("id").asText(),
              call.path("function").path("name").asText(),
              call.path("function").path("arguments").asText("{}")));
    }
    String content = message.path("content").isTextual() ? message.path("content").asText() : null;
    return new OpenAiAnswer(
        content,
        calls,
        choice.path("finish_reason").asText(),
        OpenAiWire.usage(body.path("usage")));
  }
}
