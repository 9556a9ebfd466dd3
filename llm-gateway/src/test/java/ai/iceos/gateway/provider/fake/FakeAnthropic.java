package ai.iceos.gateway.provider.fake;

import static ai.iceos.gateway.provider.fake.FakeOpenAi.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic Messages API as documented: a {@code message} object and, with {@code stream:
 * true}, the events {@code message_start}, {@code content_block_start}, {@code ping}, {@code
 * content_block_delta}, {@code content_block_stop}, {@code message_delta}, {@code message_stop}.
 */
public final class FakeAnthropic {
  private static final int INPUT = 17;
  private static final int CACHE_READ = FakeAnswer.PROMPT_TOKENS - INPUT;

  private FakeAnthropic() {}

  public static FakeReply answer(FakeProviderServer.Recorded request) {
    JsonNode body = request.body();
    JsonNode messages = body.path("messages");
    JsonNode last = messages.path(messages.size() - 1);
    boolean toolResult = "tool_result".equals(last.path("content").path(0).path("type").asText());
    String firstTool =
        "none".equals(body.path("tool_choice").path("type").asText())
            ? null
            : body.path("tools").path(0).path("name").asText(null);
    FakeAnswer answer = FakeAnswer.decide(firstTool, toolResult, body.path("max_tokens").asInt());
    String model = body.path("model").asText();
    return body.path("stream").asBoolean(false) ? stream(model, answer) : whole(model, answer);
  }

  private static FakeReply whole(String model, FakeAnswer answer) {
    String content =
        answer.toolName() != null
            ? "[{\"type\":\"text\",\"text\":\"Let me check.\"},{\"type\":\"tool_use\",\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\""
                + answer.toolName()
                + "\",\"input\":"
                + FakeAnswer.TOOL_ARGUMENTS
                + "}]"
            : "[{\"type\":\"text\",\"text\":" + quote(answer.text()) + "}]";
    return FakeReply.json(
        "{\"id\":\"msg_013Zva2CMHLNnXjNJJKqJ2EF\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
            + model
            + "\",\"content\":"
            + content
            + ",\"stop_reason\":\""
            + stopReason(answer)
            + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
            + INPUT
            + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":"
            + CACHE_READ
            + ",\"output_tokens\":"
            + answer.completionTokens()
            + "}}");
  }

  private static FakeReply stream(String model, FakeAnswer answer) {
    List<FakeReply.Event> events = new ArrayList<>();
    events.add(
        event(
            "message_start",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\""
                + model
                + "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                + INPUT
                + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":"
                + CACHE_READ
                + ",\"output_tokens\":1}}}"));
    events.add(
        event(
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
    events.add(event("ping", "{\"type\": \"ping\"}"));
    List<String> pieces =
        answer.toolName() != null ? List.of("Let me", " check.") : answer.pieces();
    for (String piece : pieces) {
      events.add(
          event(
              "content_block_delta",
              "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                  + quote(piece)
                  + "}}"));
    }
    events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
    if (answer.toolName() != null) {
      events.add(
          event(
              "content_block_start",
              "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"name\":\""
                  + answer.toolName()
                  + "\",\"input\":{}}}"));
      for (String part : List.of("", "{\"city\": ", "\"Paris\"}")) {
        events.add(
            event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
                    + quote(part)
                    + "}}"));
      }
      events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"));
    }
    events.add(
        event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                + stopReason(answer)
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":"
                + answer.completionTokens()
                + "}}"));
    events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
    return new FakeReply.Events(events);
  }

  private static String stopReason(FakeAnswer answer) {
    return answer.toolName() != null ? "tool_use" : answer.cut() ? "max_tokens" : "end_turn";
  }

  private static FakeReply.Event event(String name, String data) {
    return new FakeReply.Event(name, data);
  }
}
