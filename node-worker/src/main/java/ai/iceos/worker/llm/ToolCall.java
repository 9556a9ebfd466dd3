package ai.iceos.worker.llm;

/**
 * One OpenAI tool call of an assistant message: the model asks to run {@code function.name} with
 * the JSON object text {@code function.arguments}.
 */
public record ToolCall(String id, String type, Function function) {
  /**
   * @param arguments the arguments as JSON text, as OpenAI sends them
   */
  public record Function(String name, String arguments) {}

  public static ToolCall function(String id, String name, String arguments) {
    return new ToolCall(id, "function", new Function(name, arguments));
  }

  /** The called tool's name, or null when the call names none. */
  public String name() {
    return function == null ? null : function.name();
  }

  /** The arguments text, or null. */
  public String arguments() {
    return function == null ? null : function.arguments();
  }
}
