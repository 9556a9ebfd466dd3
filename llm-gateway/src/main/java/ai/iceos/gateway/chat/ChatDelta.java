package ai.iceos.gateway.chat;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One piece of a streamed answer: text to append, tool-call fragments, and on the last pieces the
 * finish reason and the usage the provider reported. Each part is null (the list empty) when the
 * piece does not carry it.
 */
public record ChatDelta(
    String content, List<ToolCallPart> toolCalls, FinishReason finishReason, TokenUsage usage) {
  public ChatDelta {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static ChatDelta text(String content) {
    return new ChatDelta(content, List.of(), null, null);
  }

  public static ChatDelta finish(FinishReason reason, TokenUsage usage) {
    return new ChatDelta(null, List.of(), reason, usage);
  }

  /** The whole of a finished answer as deltas: its content or tool calls, then finish and usage. */
  public static List<ChatDelta> of(ChatResponse response) {
    List<ToolCall> calls = response.message().toolCalls();
    List<ToolCallPart> parts =
        IntStream.range(0, calls.size())
            .mapToObj(i -> ToolCallPart.whole(i, calls.get(i)))
            .toList();
    return List.of(
        new ChatDelta(response.message().content(), parts, null, null),
        finish(response.finishReason(), response.usage()));
  }

  public boolean isEmpty() {
    return (content == null || content.isEmpty())
        && toolCalls.isEmpty()
        && finishReason == null
        && usage == null;
  }
}
