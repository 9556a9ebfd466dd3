package ai.iceos.worker.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** One OpenAI function tool the model may call: {@code {"type": "function", "function": …}}. */
public record ToolDefinition(String type, Function function) {
  /**
   * @param parameters the JSON Schema of the arguments object
   */
  public record Function(String name, String description, JsonNode parameters) {}

  public static ToolDefinition function(String name, String description, JsonNode parameters) {
    return new ToolDefinition("function", new Function(name, description, parameters));
  }
}
