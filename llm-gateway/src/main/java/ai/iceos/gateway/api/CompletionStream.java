package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.Completion;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolCall;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished completion as an OpenAI {@code chat.completion.chunk} event stream: one chunk with the
 * whole delta (role, content or tool calls), one with the finish reason and the usage, then {@code
 * data: [DONE]}. Providers that do not stream incrementally are streamed this way.
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

  static String render(Completion completion, ObjectMapper json) {
    ChatCompletionView view = ChatCompletionView.of(completion);
    var message = completion.response().message();
    Delta whole = new Delta(Role.ASSISTANT, message.content(), toolCallDeltas(message.toolCalls()));
    StringBuilder events = new StringBuilder();
    event(events, json, chunk(view, new ChunkChoice(0, whole, null), null));
    var finish =
        new ChunkChoice(0, new Delta(null, null, null), completion.response().finishReason());
    event(events, json, chunk(view, finish, view.usage()));
    return events.append("data: [DONE]\n\n").toString();
  }

  private static Chunk chunk(
      ChatCompletionView view, ChunkChoice choice, ChatCompletionView.UsageView usage) {
    return new Chunk(
        view.id(),
        "chat.completion.chunk",
        view.created(),
        view.model(),
        view.provider(),
        List.of(choice),
        usage);
  }

  private static List<ToolCallDelta> toolCallDeltas(List<ToolCall> calls) {
    if (calls.isEmpty()) {
      return null;
    }
    List<ToolCallDelta> deltas = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      deltas.add(
          new ToolCallDelta(
              i,
              call.id(),
              call.type(),
              new ToolCallFunction(call.function().name(), call.function().arguments())));
    }
    return deltas;
  }

  private static void event(StringBuilder events, ObjectMapper json, Chunk chunk) {
    try {
      events.append("data: ").append(json.writeValueAsString(chunk)).append("\n\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
