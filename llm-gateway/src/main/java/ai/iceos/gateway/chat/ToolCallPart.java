package ai.iceos.gateway.chat;

/**
 * A fragment of the tool call at {@code index} of a streamed answer: the first fragment of a call
 * carries its {@code id} and function {@code name}; {@code arguments} fragments are concatenated.
 * Absent parts are null.
 */
public record ToolCallPart(int index, String id, String name, String arguments) {
  public ToolCallPart {
    if (index < 0) {
      throw new IllegalArgumentException("tool call index must not be negative");
    }
  }

  static ToolCallPart whole(int index, ToolCall call) {
    return new ToolCallPart(index, call.id(), call.function().name(), call.function().arguments());
  }
}
