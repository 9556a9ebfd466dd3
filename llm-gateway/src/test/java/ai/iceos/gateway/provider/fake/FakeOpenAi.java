package ai.iceos.gateway.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI Chat Completions API as documented: {@code chat.completion} objects and, with {@code
 * stream: true}, {@code chat.completion.chunk} events ending in a usage chunk and {@code [DONE]}.
 */
public final class FakeOpenAi {
  private FakeOpenAi() {}

  public static FakeReply answer(FakeProviderServer.Recorded request) {
    JsonNode body = request.body();
    JsonNode messages = body.path("messages");
    String lastRole = messages.path(messages.size() - 1).path("role").asText();
    String firstTool =
        "none".equals(body.path("tool_choice").asText())
            ? null
            : body.path("tools").path(0).path("function").path("name").asText(null);
    JsonNode limit =
        body.has("max_completion_tokens")
            ? body.path("max_completion_tokens")
            : body.path("max_tokens");
    FakeAnswer answer =
        FakeAnswer.decide(firstTool, "tool".equals(lastRole), limit.isInt() ? limit.asInt() : null);
    String model = body.path("model").asText();
    return body.path("stream").asBoolean(false) ? stream(model, answer) : whole(model, answer);
  }

  private static FakeReply whole(String model, FakeAnswer answer) {
    String message =
        answer.toolName() != null
            ? "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":\""
                + answer.toolName()
                + "\",\"arguments\":"
                + quote(FakeAnswer.TOOL_ARGUMENTS)
                + "}}],\"refusal\":null}"
            : "{\"role\":\"assistant\",\"content\":" + quote(answer.text()) + ",\"refusal\":null}";
    return FakeReply.json(
        "{\"id\":\"chatcmpl-fake1\",\"object\":\"chat.completion\",\"created\":1741569952,\"model\":\""
            + model
            + "\",\"choices\":[{\"index\":0,\"message\":"
            + message
            + ",\"logprobs\":null,\"finish_reason\":\""
            + finish(answer)
            + "\"}],\"usage\":"
            + usage(answer)
            + ",\"service_tier\":\"default\"}");
  }

  private static FakeReply stream(String model, FakeAnswer answer) {
    List<FakeReply.Event> events = new ArrayList<>();
    String head =
        "{\"id\":\"chatcmpl-fake1\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,\"model\":\""
            + model
            + "\",\"choices\":[";
    events.add(
        data(
            head
                + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}"));
    if (answer.toolName() != null) {
      events.add(
          data(
              head
                  + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":\""
                  + answer.toolName()
                  + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}],\"usage\":null}"));
      for (String part : List.of("{\"city\":", "\"Paris\"}")) {
        events.add(
            data(
                head
                    + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                    + quote(part)
                    + "}}]},\"finish_reason\":null}],\"usage\":null}"));
      }
    }
    for (String piece : answer.pieces()) {
      events.add(
          data(
              head
                  + "{\"index\":0,\"delta\":{\"content\":"
                  + quote(piece)
                  + "},\"finish_reason\":null}],\"usage\":null}"));
    }
    events.add(
        data(
            head
                + "{\"index\":0,\"delta\":{},\"finish_reason\":\""
                + finish(answer)
                + "\"}],\"usage\":null}"));
    events.add(data(head + "],\"usage\":" + usage(answer) + "}"));
    events.add(data("[DONE]"));
    return new FakeReply.Events(events);
  }

  private static String finish(FakeAnswer answer) {
    return answer.toolName() != null ? "tool_calls" : answer.cut() ? "length" : "stop";
  }

  private static String usage(FakeAnswer answer) {
    return "{\"prompt_tokens\":"
        + answer.promptTokens()
        + ",\"completion_tokens\":"
        + answer.completionTokens()
        + ",\"total_tokens\":"
        + (answer.promptTokens() + answer.completionTokens())
        + ",\"prompt_tokens_details\":{\"cached_tokens\":5,\"audio_tokens\":0},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}";
  }

  private static FakeReply.Event data(String json) {
    return new FakeReply.Event(null, json);
  }

  static String quote(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }
}
