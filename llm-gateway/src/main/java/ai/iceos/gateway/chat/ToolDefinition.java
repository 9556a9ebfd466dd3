package ai.iceos.gateway.chat;

import java.util.Objects;

/** A tool offered to the model, in the OpenAI shape {@code {type: function, function: {...}}}. */
public record ToolDefinition(String type, FunctionDefinition function) {
  public ToolDefinition {
    Objects.requireNonNull(function, "function");
    type = type == null ? "function" : type;
  }

  public String name() {
    return function.name();
  }
}
