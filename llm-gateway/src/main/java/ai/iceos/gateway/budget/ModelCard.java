package ai.iceos.gateway.budget;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the gateway knows about one model: its prices in micro-USD per million tokens (input, cached
 * input, output), its context window and its default output limit in tokens (used as the worst case
 * when a request sets no {@code max_tokens}).
 */
public record ModelCard(
    String model,
    long inputMicroUsdPer1M,
    long cachedInputMicroUsdPer1M,
    long outputMicroUsdPer1M,
    int contextWindow,
    int maxOutputTokens) {
  public ModelCard {
    Objects.requireNonNull(model, "model");
    if (inputMicroUsdPer1M < 0 || cachedInputMicroUsdPer1M < 0 || outputMicroUsdPer1M < 0) {
      throw new IllegalArgumentException("prices must not be negative: " + model);
    }
    if (contextWindow < 1 || maxOutputTokens < 1) {
      throw new IllegalArgumentException("token limits must be positive: " + model);
    }
  }

  /** A card with prices given in USD per million tokens, converted exactly to micro-USD. */
  public static ModelCard ofUsd(
      String model,
      String inputUsd,
      String cachedInputUsd,
      String outputUsd,
      int contextWindow,
      int maxOutputTokens) {
    return new ModelCard(
        model,
        Money.microUsd(new BigDecimal(inputUsd)),
        Money.microUsd(new BigDecimal(cachedInputUsd)),
        Money.microUsd(new BigDecimal(outputUsd)),
        contextWindow,
        maxOutputTokens);
  }
}
