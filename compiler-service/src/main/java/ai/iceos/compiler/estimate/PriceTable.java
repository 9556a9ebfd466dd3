package ai.iceos.compiler.estimate;

import java.util.Map;

/**
 * Model prices for estimates, matched by the longest model-name prefix ({@code
 * gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}); an unknown model costs 0. A stand-in
 * until llm-gateway's catalog publishes prices.
 *
 * @param prices price per model-name prefix
 */
public record PriceTable(Map<String, ModelPrice> prices) {
  public PriceTable {
    prices = Map.copyOf(prices);
  }

  /** OpenAI list prices per 1M tokens: gpt-4o $2.50 in / $10.00 out, gpt-4o-mini $0.15 / $0.60. */
  public static PriceTable standard() {
    return new PriceTable(
        Map.of(
            "gpt-4o", new ModelPrice(2_500_000, 10_000_000),
            "gpt-4o-mini", new ModelPrice(150_000, 600_000)));
  }

  public ModelPrice priceOf(String model) {
    String best = null;
    for (String prefix : prices.keySet()) {
      if (model.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? ModelPrice.FREE : prices.get(best);
  }
}
