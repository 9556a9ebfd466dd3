package ai.iceos.gateway.chat;

import java.util.Objects;

/** How the model may use the offered tools (OpenAI {@code tool_choice}). */
public sealed interface ToolChoice {
  /** The model decides (the default when tools are offered). */
  record Auto() implements ToolChoice {}

  /** The model must not call a tool. */
  record None() implements ToolChoice {}

  /** The model must call some tool. */
  record Required() implements ToolChoice {}

  /** The model must call this tool. */
  record Named(String name) implements ToolChoice {
    public Named {
      Objects.requireNonNull(name, "name");
    }
  }
}
