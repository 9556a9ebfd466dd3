package ai.iceos.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider-neutral completion request. {@code maxTokens} and {@code temperature} are null when
 * the client left them to the provider; {@code responseFormat} is the client's OpenAI {@code
 * response_format} object ({@code {type: json_object}} or {@code {type: json_schema, json_schema:
 * {name, schema, strict}}}), null for plain text; {@code stop} lists stop sequences (empty: none).
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    List<ToolDefinition> tools,
    ToolChoice toolChoice,
    Double temperature,
    Integer maxTokens,
    JsonNode responseFormat,
    List<String> stop) {
  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
    toolChoice = toolChoice == null ? new ToolChoice.Auto() : toolChoice;
    responseFormat =
        responseFormat == null || "text".equals(responseFormat.path("type").asText())
            ? null
            : responseFormat.deepCopy();
    stop = stop == null ? List.of() : List.copyOf(stop);
  }

  public static ChatRequest of(String model, List<ChatMessage> messages) {
    return new ChatRequest(model, messages, List.of(), null, null, null, null, List.of());
  }

  public ChatRequest withTools(List<ToolDefinition> offered, ToolChoice choice) {
    return new ChatRequest(
        model, messages, offered, choice, temperature, maxTokens, responseFormat, stop);
  }

  public ChatRequest withMaxTokens(Integer limit) {
    return new ChatRequest(
        model, messages, tools, toolChoice, temperature, limit, responseFormat, stop);
  }

  /** The same request for another model (a fallback). */
  public ChatRequest withModel(String other) {
    return new ChatRequest(
        other, messages, tools, toolChoice, temperature, maxTokens, responseFormat, stop);
  }

  /** True when the client asked for a JSON answer (a JSON object, or one matching a schema). */
  public boolean jsonResponse() {
    return responseFormat != null;
  }

  /** The JSON Schema the answer must match, when {@code response_format} is {@code json_schema}. */
  public Optional<JsonNode> responseSchema() {
    return Optional.ofNullable(responseFormat)
        .map(format -> format.path("json_schema").path("schema"))
        .filter(JsonNode::isObject);
  }

  public Optional<ChatMessage> lastMessage() {
    return messages.isEmpty() ? Optional.empty() : Optional.of(messages.getLast());
  }

  public Optional<ChatMessage> lastUserMessage() {
    return messages.reversed().stream().filter(m -> m.role() == Role.USER).findFirst();
  }
}
