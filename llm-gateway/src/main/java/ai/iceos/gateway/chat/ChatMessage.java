package ai.iceos.gateway.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation. {@code content} is null for an assistant message that only calls
 * tools; {@code toolCallId} is set on {@link Role#TOOL} messages; {@code name} is an optional
 * author name. {@code toolCalls} is never null (empty when absent).
 */
public record ChatMessage(
    Role role,
    String content,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls,
    String toolCallId,
    String name) {
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static ChatMessage of(Role role, String content) {
    return new ChatMessage(role, content, List.of(), null, null);
  }

  public static ChatMessage toolResult(String toolCallId, String content) {
    return new ChatMessage(Role.TOOL, content, List.of(), toolCallId, null);
  }

  public static ChatMessage assistantCalling(List<ToolCall> calls) {
    return new ChatMessage(Role.ASSISTANT, null, calls, null, null);
  }

  /** The content, or the empty string when there is none. */
  public String text() {
    return content == null ? "" : content;
  }
}
