package ai.iceos.gateway.store;

import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.TokenUsage;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One provider call as recorded in {@code gateway.usage_record}. */
public record UsageEntry(
    UUID id,
    Attribution attribution,
    String model,
    String provider,
    TokenUsage tokens,
    long costMicroUsd,
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
