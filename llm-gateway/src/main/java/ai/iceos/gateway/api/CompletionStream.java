package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The shapes of an OpenAI {@code chat.completion.chunk} event stream, rendered by {@link
 * CompletionChunks}.
 */
final class CompletionStream {
  static final String MEDIA_TYPE = "text/event-stream";

  private CompletionStream() {}

  /** One chunk; {@code usage} is set on the last chunk only. */
  record Chunk(
      String id,
      String object,
      long created,
      String model,
      String provider,
      List<ChunkChoice> choices,
      ChatCompletionView.UsageView usage) {}

  /** {@code finishReason} is null until the last chunk. */
  record ChunkChoice(
      int index, Delta delta, @JsonInclude(JsonInclude.Include.ALWAYS) FinishReason finishReason) {}

  /** The part of the message this chunk adds. */
  record Delta(Role role, String content, List<ToolCallDelta> toolCalls) {}

  /** A tool call in a delta carries its position in the message. */
  record ToolCallDelta(int index, String id, String type, ToolCallFunction function) {}

  /** The function of a tool call delta. */
  record ToolCallFunction(String name, String arguments) {}
}
