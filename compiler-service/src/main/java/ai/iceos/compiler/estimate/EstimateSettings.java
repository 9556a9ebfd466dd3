package ai.iceos.compiler.estimate;

import java.time.Duration;
import java.util.Objects;

/**
 * The heuristics of a cost estimate.
 *
 * @param defaultCompletionTokens completion size assumed for an llm node without {@code max_tokens}
 *     (neither on the node nor in its {@code llm_config})
 * @param llmNodeDuration expected duration of one llm node
 * @param toolNodeDuration expected duration of one tool node
 * @param prices model prices
 */
public record EstimateSettings(
    int defaultCompletionTokens,
    Duration llmNodeDuration,
    Duration toolNodeDuration,
    PriceTable prices) {
  public EstimateSettings {
    if (defaultCompletionTokens < 0) {
      throw new IllegalArgumentException("default completion tokens must be >= 0");
    }
    Objects.requireNonNull(llmNodeDuration, "llmNodeDuration");
    Objects.requireNonNull(toolNodeDuration, "toolNodeDuration");
    Objects.requireNonNull(prices, "prices");
  }

  /** 256 completion tokens, 1 s per llm node, 50 ms per tool node, the standard price table. */
  public static EstimateSettings standard() {
    return new EstimateSettings(
        256, Duration.ofSeconds(1), Duration.ofMillis(50), PriceTable.standard());
  }
}
