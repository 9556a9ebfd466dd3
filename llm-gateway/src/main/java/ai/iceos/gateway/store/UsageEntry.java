package ai.iceos.gateway.store;

import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.TokenUsage;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One served call as recorded in {@code gateway.usage_record}; {@code cacheHit} marks an answer of
 * the gateway's response cache (no provider called, cost 0).
 */
public record UsageEntry(
    UUID id,
    Attribution attribution,
    String model,
    String provider,
    TokenUsage tokens,
    long costMicroUsd,
    boolean cacheHit,
    Instant createdAt) {
  public UsageEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(attribution, "attribution");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
