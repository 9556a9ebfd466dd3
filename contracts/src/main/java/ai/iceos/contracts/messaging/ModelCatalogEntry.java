package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A model llm-gateway can route to, with its prices, on the compacted {@link Topics#MODEL_CATALOG}
 * keyed by {@code model} (a null value removes it). The compiler estimates costs from it. Prices
 * are micro-USD per million tokens (1 USD = 1,000,000), so $2.50 per 1M input tokens is 2,500,000.
 *
 * @param provider the provider that serves it first ({@code openai}, {@code anthropic}, {@code
 *     google}, {@code offline})
 * @param contextWindow prompt plus completion tokens at most
 * @param maxOutputTokens completion tokens at most; also the worst case the gateway reserves when a
 *     request sets no {@code max_tokens}
 */
public record ModelCatalogEntry(
    UUID messageId,
    String model,
    String provider,
    long contextWindow,
    long maxOutputTokens,
    long inputMicroUsdPerMillion,
    long cachedInputMicroUsdPerMillion,
    long outputMicroUsdPerMillion,
    String publishedBy,
    Instant occurredAt)
    implements IceosMessage {
  public ModelCatalogEntry {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
  }
}
