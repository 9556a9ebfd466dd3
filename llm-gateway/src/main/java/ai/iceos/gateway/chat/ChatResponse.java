package ai.iceos.gateway.chat;

import java.util.Objects;

/** A provider's answer: one assistant message, why it stopped, and the tokens it used. */
public record ChatResponse(
    String model, ChatMessage message, FinishReason finishReason, TokenUsage usage) {
  public ChatResponse {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
  }
}
