package ai.iceos.gateway.provider.fake;

import static ai.iceos.gateway.provider.fake.FakeOpenAi.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gemini API as documented: a {@code GenerateContentResponse} from {@code :generateContent},
 * and from {@code :streamGenerateContent?alt=sse} a series of them as {@code data:} events, the
 * last with the {@code finishReason} and the final {@code usageMetadata}.
 */
public final class FakeGoogle {
  private static final int CACHED = 3;

  private FakeGoogle() {}

  public static FakeReply answer(FakeProviderServer.Recorded request) {
    JsonNode body = request.body();
    JsonNode contents = body.path("contents");
    JsonNode last = contents.path(contents.size() - 1);
    boolean toolResult = last.path("parts").path(0).has("functionResponse");
    String firstTool =
        "NONE".equals(body.path("toolConfig").path("functionCallingConfig").path("mode").asText())
            ? null
            : body.path("tools")
                .path(0)
                .path("functionDeclarations")
                .path(0)
                .path("name")
                .asText(null);
    JsonNode limit = body.path("generationConfig").path("maxOutputTokens");
    FakeAnswer answer =
        FakeAnswer.decide(firstTool, toolResult, limit.isInt() ? limit.asInt() : null);
    String model = request.path().replaceAll(".*/models/([^:]+):.*", "$1");
    return request.path().contains(":streamGenerateContent")
        ? stream(model, answer)
        : FakeReply.json(
            chunk(model, parts(answer, answer.text()), finish(answer), usage(answer, true)));
  }

  private static FakeReply stream(String model, FakeAnswer answer) {
    List<FakeReply.Event> events = new ArrayList<>();
    if (answer.toolName() != null) {
      events.add(
          new FakeReply.Event(
              null, chunk(model, parts(answer, null), finish(answer), usage(answer, true))));
      return new FakeReply.Events(events);
    }
    List<String> pieces = answer.pieces();
    for (int i = 0; i < pieces.size(); i++) {
      boolean last = i == pieces.size() - 1;
      String part = "[{\"text\":" + quote(pieces.get(i)) + "}]";
      events.add(
          new FakeReply.Event(
              null, chunk(model, part, last ? finish(answer) : null, usage(answer, last))));
    }
    return new FakeReply.Events(events);
  }

  private static String parts(FakeAnswer answer, String text) {
    return answer.toolName() != null
        ? "[{\"functionCall\":{\"name\":\""
            + answer.toolName()
            + "\",\"args\":"
            + FakeAnswer.TOOL_ARGUMENTS
            + "}}]"
        : "[{\"text\":" + quote(text) + "}]";
  }

  private static String chunk(String model, String parts, String finishReason, String usage) {
    return "{\"candidates\":[{\"content\":{\"parts\":"
        + parts
        + ",\"role\":\"model\"}"
        + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"")
        + ",\"index\":0}],\"usageMetadata\":"
        + usage
        + ",\"modelVersion\":\""
        + model
        + "\",\"responseId\":\"mS9YaNDqD4-jmtkPgtjk2Ag\"}";
  }

  private static String finish(FakeAnswer answer) {
    return answer.cut() ? "MAX_TOKENS" : "STOP";
  }

  private static String usage(FakeAnswer answer, boolean complete) {
    int candidates = complete ? answer.completionTokens() : 0;
    return "{\"promptTokenCount\":"
        + answer.promptTokens()
        + ",\"candidatesTokenCount\":"
        + candidates
        + ",\"totalTokenCount\":"
        + (answer.promptTokens() + candidates)
        + ",\"cachedContentTokenCount\":"
        + CACHED
        + ",\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":"
        + answer.promptTokens()
        + "}]}";
  }
}
