package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ToolCallPart;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Gemini {@code GenerateContentResponse}s (one answer, or the chunks of a stream) into
 * deltas, numbering function calls across the chunks of one answer. One per answer.
 */
final class GoogleStream {
  private int calls;

  ChatDelta next(JsonNode response) {
    JsonNode candidate = response.path("candidates").path(0);
    StringBuilder text = new StringBuilder();
    boolean hasText = false;
    List<ToolCallPart> parts = new ArrayList<>();
    for (JsonNode part : candidate.path("content").path("parts")) {
      if (part.path("thought").asBoolean(false)) {
        continue;
      }
      if (part.has("text")) {
        text.append(part.path("text").asText());
        hasText = true;
      }
      JsonNode call = part.path("functionCall");
      if (call.isObject()) {
        String id = call.path("id").isTextual() ? call.path("id").asText() : "call_" + calls;
        JsonNode args = call.path("args");
        parts.add(
            new ToolCallPart(
                calls++,
                id,
                call.path("name").asText(),
                args.isMissingNode() ? "{}" : args.toString()));
      }
    }
    String reason = candidate.path("finishReason").asText(null);
    return new ChatDelta(
        hasText ? text.toString() : null,
        parts,
        reason == null ? null : GoogleWire.finishReason(reason, calls > 0),
        response.has("usageMetadata") ? GoogleWire.usage(response.path("usageMetadata")) : null);
  }
}
