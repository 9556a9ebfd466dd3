package ai.iceos.gateway.chat;

import java.util.Objects;

/** A function the model asks to call; {@code arguments} is a JSON text, as in the OpenAI API. */
public record FunctionCall(String name, String arguments) {
  public FunctionCall {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
  }
}
