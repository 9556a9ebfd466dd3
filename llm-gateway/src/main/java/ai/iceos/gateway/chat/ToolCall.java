package ai.iceos.gateway.chat;

import java.util.Objects;

/** One tool call of an assistant message; {@code type} is always {@code function} today. */
public record ToolCall(String id, String type, FunctionCall function) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(function, "function");
    type = type == null ? "function" : type;
  }

  public static ToolCall function(String id, String name, String arguments) {
    return new ToolCall(id, "function", new FunctionCall(name, arguments));
  }
}
