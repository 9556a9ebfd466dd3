package ai.iceos.gateway.api;

import ai.iceos.gateway.budget.ModelCard;
import ai.iceos.gateway.budget.Money;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An OpenAI {@code model} object; {@code owned_by} is the provider serving the model here. iceOS
 * extensions: context window, default output limit and prices in USD per 1M tokens.
 */
public record ModelView(
    String id,
    String object,
    long created,
    String ownedBy,
    int contextWindow,
    int maxOutputTokens,
    @JsonProperty("input_usd_per_1m") BigDecimal inputUsdPer1m,
    @JsonProperty("cached_input_usd_per_1m") BigDecimal cachedInputUsdPer1m,
    @JsonProperty("output_usd_per_1m") BigDecimal outputUsdPer1m) {

  static ModelView of(ModelCard card, String provider) {
    return new ModelView(
        card.model(),
        "model",
        0,
        provider,
        card.contextWindow(),
        card.maxOutputTokens(),
        Money.usdCompact(card.inputMicroUsdPer1M()),
        Money.usdCompact(card.cachedInputMicroUsdPer1M()),
        Money.usdCompact(card.outputMicroUsdPer1M()));
  }
}
