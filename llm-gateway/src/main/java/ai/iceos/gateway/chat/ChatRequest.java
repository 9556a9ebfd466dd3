package ai.iceos.gateway.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider-neutral completion request. {@code maxTokens} and {@code temperature} are null when
 * the client left them to the provider; {@code jsonResponse} asks for a JSON object answer.
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    List<ToolDefinition> tools,
    ToolChoice toolChoice,
    Double temperature,
    Integer maxTokens,
    boolean jsonResponse) {
  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
    toolChoice = toolChoice == null ? new ToolChoice.Auto() : toolChoice;
  }

  public static ChatRequest of(String model, List<ChatMessage> messages) {
    return new ChatRequest(model, messages, List.of(), null, null, null, false);
  }

  public ChatRequest withTools(List<ToolDefinition> offered, ToolChoice choice) {
    return new ChatRequest(model, messages, offered, choice, temperature, maxTokens, jsonResponse);
  }

  public ChatRequest withMaxTokens(Integer limit) {
    return new ChatRequest(model, messages, tools, toolChoice, temperature, limit, jsonResponse);
  }

  public Optional<ChatMessage> lastMessage() {
    return messages.isEmpty() ? Optional.empty() : Optional.of(messages.getLast());
  }

  public Optional<ChatMessage> lastUserMessage() {
    return messages.reversed().stream().filter(m -> m.role() == Role.USER).findFirst();
  }
}
