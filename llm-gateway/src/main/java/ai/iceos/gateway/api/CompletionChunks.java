package ai.iceos.gateway.api;

import ai.iceos.gateway.api.CompletionStream.Chunk;
import ai.iceos.gateway.api.CompletionStream.ChunkChoice;
import ai.iceos.gateway.api.CompletionStream.Delta;
import ai.iceos.gateway.api.CompletionStream.ToolCallDelta;
import ai.iceos.gateway.api.CompletionStream.ToolCallFunction;
import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.Completion;
import ai.iceos.gateway.chat.LiveCompletion;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolCallPart;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders the pieces of one live completion as {@code chat.completion.chunk} events: each delta
 * with content or tool-call fragments as its own chunk (the first also carries the role), then one
 * chunk with the finish reason and the settled usage. One per stream; not thread-safe.
 */
final class CompletionChunks {
  private final LiveCompletion live;
  private final ObjectMapper json;
  private final String id;
  private boolean roleSent;

  CompletionChunks(LiveCompletion live, ObjectMapper json) {
    this.live = live;
    this.json = json;
    this.id = "chatcmpl-" + live.id().toString().replace("-", "");
  }

  /** The event for {@code delta}, or an empty string when it adds no content nor tool call. */
  String delta(ChatDelta delta) {
    boolean hasContent = delta.content() != null && !delta.content().isEmpty();
    if (!hasContent && delta.toolCalls().isEmpty()) {
      return "";
    }
    Role role = roleSent ? null : Role.ASSISTANT;
    roleSent = true;
    List<ToolCallDelta> calls =
        delta.toolCalls().isEmpty()
            ? null
            : delta.toolCalls().stream().map(CompletionChunks::toolCall).toList();
    return event(
        new ChunkChoice(0, new Delta(role, hasContent ? delta.content() : null, calls), null),
        null);
  }

  /** The last chunk: finish reason and usage of the booked answer. */
  String finish(Completion completion) {
    var usage = ChatCompletionView.of(completion).usage();
    return event(
        new ChunkChoice(0, new Delta(null, null, null), completion.response().finishReason()),
        usage);
  }

  private static ToolCallDelta toolCall(ToolCallPart part) {
    return new ToolCallDelta(
        part.index(),
        part.id(),
        part.id() == null ? null : "function",
        new ToolCallFunction(part.name(), part.arguments()));
  }

  private String event(ChunkChoice choice, ChatCompletionView.UsageView usage) {
    var chunk =
        new Chunk(
            id,
            "chat.completion.chunk",
            live.created().getEpochSecond(),
            live.model(),
            live.provider(),
            List.of(choice),
            usage);
    try {
      return "data: " + json.writeValueAsString(chunk) + "\n\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
