package ai.iceos.compiler.estimate;

import ai.iceos.contracts.messaging.ModelCatalogEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Model prices for estimates, matched by the longest model-name prefix ({@code
 * gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}); an unknown model costs 0. The built-in
 * list prices are the fallback for models llm-gateway's catalog does not list.
 *
 * @param prices price per model-name prefix
 * @param exact model names that match only exactly (from the model catalog)
 */
public record PriceTable(Map<String, ModelPrice> prices, Set<String> exact) {
  public PriceTable {
    prices = Map.copyOf(prices);
    exact = Set.copyOf(exact);
  }

  /** A table matched by prefix only. */
  public PriceTable(Map<String, ModelPrice> prices) {
    this(prices, Set.of());
  }

  /** OpenAI list prices per 1M tokens: gpt-4o $2.50 in / $10.00 out, gpt-4o-mini $0.15 / $0.60. */
  public static PriceTable standard() {
    return new PriceTable(
        Map.of(
            "gpt-4o", new ModelPrice(2_500_000, 10_000_000),
            "gpt-4o-mini", new ModelPrice(150_000, 600_000)));
  }

  /**
   * This table with the catalog's models on top: a model the catalog lists is priced by its entry
   * (exact name), any other by this table's longest prefix.
   */
  public PriceTable withCatalog(Map<String, ModelCatalogEntry> models) {
    if (models.isEmpty()) {
      return this;
    }
    Map<String, ModelPrice> merged = new HashMap<>(prices);
    models.forEach(
        (name, entry) ->
            merged.put(
                name,
                new ModelPrice(entry.inputMicroUsdPerMillion(), entry.outputMicroUsdPerMillion())));
    return new PriceTable(merged, models.keySet());
  }

  public ModelPrice priceOf(String model) {
    if (exact.contains(model)) {
      return prices.get(model);
    }
    String best = null;
    for (String prefix : prices.keySet()) {
      if (model.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? ModelPrice.FREE : prices.get(best);
  }
}
