package ai.iceos.worker.llm;

import java.util.List;
import java.util.Objects;

/**
 * One OpenAI chat message: {@code role} is {@code system}, {@code user}, {@code assistant} or
 * {@code tool}.
 *
 * @param toolCalls the tools an assistant message asks to run, or null
 * @param toolCallId the call a {@code tool} message answers, or null
 */
public record ChatMessage(
    String role, String content, List<ToolCall> toolCalls, String toolCallId) {
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
  }

  public ChatMessage(String role, String content) {
    this(role, content, null, null);
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }

  /** The answer to one tool call, {@code content} being the result as JSON text. */
  public static ChatMessage tool(String toolCallId, String content) {
    return new ChatMessage("tool", content, null, toolCallId);
  }

  /** The tool calls of this message; empty when it asks for none. */
  public List<ToolCall> calls() {
    return toolCalls == null ? List.of() : toolCalls;
  }
}
