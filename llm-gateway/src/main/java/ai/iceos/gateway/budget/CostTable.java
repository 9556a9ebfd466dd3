package ai.iceos.gateway.budget;

import ai.iceos.gateway.chat.TokenUsage;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices and limits per model. A model is found by its exact name, else by the longest catalogued
 * name it extends with a {@code -} suffix (so {@code gpt-4o-2024-08-06} is priced as {@code
 * gpt-4o}). Cost of a call = uncached prompt tokens × input rate + cached prompt tokens × cached
 * input rate + completion tokens × output rate, in integer micro-USD, rounded up once per call.
 * Models not in the table cost 0.
 */
public final class CostTable {
  private static final long MILLION = 1_000_000;
  private static final BigInteger PER_MILLION = BigInteger.valueOf(MILLION);

  private final Map<String, ModelCard> cards;

  public CostTable(Collection<ModelCard> cards) {
    Map<String, ModelCard> byName = new LinkedHashMap<>();
    cards.forEach(card -> byName.put(card.model(), card));
    this.cards = Map.copyOf(byName);
  }

  /** The built-in table (public list prices, USD per 1M tokens: input / cached input / output). */
  public static CostTable defaults() {
    return new CostTable(
        List.of(
            ModelCard.ofUsd("gpt-4o", "2.50", "1.25", "10.00", 128_000, 16_384),
            ModelCard.ofUsd("gpt-4o-mini", "0.15", "0.075", "0.60", 128_000, 16_384),
            ModelCard.ofUsd("claude-sonnet-4", "3.00", "0.30", "15.00", 200_000, 64_000),
            ModelCard.ofUsd("gemini-2.5-flash", "0.30", "0.075", "2.50", 1_048_576, 65_536)));
  }

  /** This table with {@code overrides} replacing or adding cards by model name. */
  public CostTable with(Collection<ModelCard> overrides) {
    Map<String, ModelCard> merged = new LinkedHashMap<>(cards);
    overrides.forEach(card -> merged.put(card.model(), card));
    return new CostTable(merged.values());
  }

  /** Every card, sorted by model name. */
  public List<ModelCard> cards() {
    return cards.values().stream().sorted(Comparator.comparing(ModelCard::model)).toList();
  }

  public Optional<ModelCard> card(String model) {
    ModelCard exact = cards.get(model);
    if (exact != null) {
      return Optional.of(exact);
    }
    return cards.values().stream()
        .filter(card -> model.startsWith(card.model() + "-"))
        .max(Comparator.comparingInt(card -> card.model().length()));
  }

  /** The cost of {@code usage} on {@code model} in micro-USD, rounded up; 0 for unknown models. */
  public long costMicroUsd(String model, TokenUsage usage) {
    return card(model).map(card -> cost(card, usage)).orElse(0L);
  }

  /**
   * The most a call can cost: its counted prompt (uncached) plus {@code maxTokens} of output, or
   * the model's default output limit when the request sets none.
   */
  public long worstCaseMicroUsd(String model, long promptTokens, Integer maxTokens) {
    return card(model)
        .map(
            card ->
                cost(
                    card,
                    TokenUsage.of(
                        promptTokens, maxTokens != null ? maxTokens : card.maxOutputTokens())))
        .orElse(0L);
  }

  private static long cost(ModelCard card, TokenUsage usage) {
    try {
      long scaled =
          Math.addExact(
              Math.addExact(
                  Math.multiplyExact(
                      usage.promptTokens() - usage.cachedPromptTokens(), card.inputMicroUsdPer1M()),
                  Math.multiplyExact(usage.cachedPromptTokens(), card.cachedInputMicroUsdPer1M())),
              Math.multiplyExact(usage.completionTokens(), card.outputMicroUsdPer1M()));
      return scaled < 0 ? exactCost(card, usage) : Math.ceilDiv(scaled, MILLION);
    } catch (ArithmeticException overflow) {
      return exactCost(card, usage);
    }
  }

  /** As {@link #cost}, in arbitrary precision (for sums past {@code long}). */
  private static long exactCost(ModelCard card, TokenUsage usage) {
    BigInteger scaled =
        BigInteger.valueOf(usage.promptTokens() - usage.cachedPromptTokens())
            .multiply(BigInteger.valueOf(card.inputMicroUsdPer1M()))
            .add(
                BigInteger.valueOf(usage.cachedPromptTokens())
                    .multiply(BigInteger.valueOf(card.cachedInputMicroUsdPer1M())))
            .add(
                BigInteger.valueOf(usage.completionTokens())
                    .multiply(BigInteger.valueOf(card.outputMicroUsdPer1M())));
    BigInteger[] quotient = scaled.divideAndRemainder(PER_MILLION);
    BigInteger rounded = quotient[1].signum() == 0 ? quotient[0] : quotient[0].add(BigInteger.ONE);
    return rounded.longValueExact();
  }
}
