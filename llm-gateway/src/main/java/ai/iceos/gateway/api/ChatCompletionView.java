package ai.iceos.gateway.api;

import ai.iceos.gateway.budget.Money;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.Completion;
import ai.iceos.gateway.chat.FinishReason;
import java.math.BigDecimal;
import java.util.List;

/**
 * An OpenAI {@code chat.completion} object, plus the iceOS extensions {@code usage.cost_usd} and
 * {@code provider} (the provider that served the call).
 */
public record ChatCompletionView(
    String id,
    String object,
    long created,
    String model,
    String provider,
    List<Choice> choices,
    UsageView usage) {

  /** The single choice the gateway returns ({@code n} is always 1). */
  public record Choice(int index, ChatMessage message, FinishReason finishReason) {}

  /**
   * Tokens of the call and its cost in USD; {@code cacheHit} is true when the response cache
   * answered (absent otherwise).
   */
  public record UsageView(
      long promptTokens,
      long completionTokens,
      long totalTokens,
      BigDecimal costUsd,
      Boolean cacheHit) {}

  static ChatCompletionView of(Completion completion) {
    var response = completion.response();
    var tokens = response.usage();
    return new ChatCompletionView(
        "chatcmpl-" + completion.id().toString().replace("-", ""),
        "chat.completion",
        completion.created().getEpochSecond(),
        response.model(),
        completion.provider(),
        List.of(new Choice(0, response.message(), response.finishReason())),
        new UsageView(
            tokens.promptTokens(),
            tokens.completionTokens(),
            tokens.totalTokens(),
            Money.usd(completion.costMicroUsd()),
            completion.cacheHit() ? Boolean.TRUE : null));
  }
}
