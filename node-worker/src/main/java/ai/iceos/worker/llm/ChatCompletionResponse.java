package ai.iceos.worker.llm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an OpenAI chat completion the worker reads. {@code usage.cost_usd} is the gateway's
 * extension: the call's cost in decimal US dollars.
 *
 * @param model the model that answered, or null
 * @param usage token counts, or null when the gateway sent none
 */
public record ChatCompletionResponse(
    String id, String model, List<Choice> choices, TokenUsage usage) {
  public ChatCompletionResponse {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** The first choice's assistant content, if there is one. */
  public Optional<String> content() {
    return choices.stream().findFirst().map(Choice::message).map(ChatMessage::content);
  }

  /** The first choice's assistant message, if there is one. */
  public Optional<ChatMessage> message() {
    return choices.stream().findFirst().map(Choice::message);
  }

  /** One answer; iceOS asks for one. */
  public record Choice(int index, ChatMessage message, String finishReason) {}

  /**
   * @param costUsd the call's cost in USD, or null when the gateway did not price it
   */
  public record TokenUsage(
      long promptTokens, long completionTokens, long totalTokens, BigDecimal costUsd) {}
}
