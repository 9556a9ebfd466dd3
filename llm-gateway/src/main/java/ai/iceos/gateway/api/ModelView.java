package ai.iceos.gateway.api;

import ai.iceos.gateway.budget.ModelCard;
import ai.iceos.gateway.budget.Money;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An OpenAI {@code model} object; {@code owned_by} is the provider serving the model here. iceOS
 * extensions: context window, default output limit and prices in USD per 1M tokens, absent for a
 * model without an entry in the price table.
 */
public record ModelView(
    String id,
    String object,
    long created,
    String ownedBy,
    Integer contextWindow,
    Integer maxOutputTokens,
    @JsonProperty("input_usd_per_1m") BigDecimal inputUsdPer1m,
    @JsonProperty("cached_input_usd_per_1m") BigDecimal cachedInputUsdPer1m,
    @JsonProperty("output_usd_per_1m") BigDecimal outputUsdPer1m) {

  /** {@code model}, priced by {@code card} (its own, or the one of the name it extends). */
  static ModelView of(String model, ModelCard card, String provider) {
    return new ModelView(
        model,
        "model",
        0,
        provider,
        card.contextWindow(),
        card.maxOutputTokens(),
        Money.usdCompact(card.inputMicroUsdPer1M()),
        Money.usdCompact(card.cachedInputMicroUsdPer1M()),
        Money.usdCompact(card.outputMicroUsdPer1M()));
  }

  /** A routed model the price table does not know: its calls cost 0. */
  static ModelView unpriced(String model, String provider) {
    return new ModelView(model, "model", 0, provider, null, null, null, null, null);
  }
}
