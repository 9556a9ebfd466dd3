package ai.iceos.gateway.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A finished, recorded completion: the provider's answer, who served it and what it cost; {@code
 * cacheHit} when the gateway's response cache answered (provider {@code cache}, cost 0).
 */
public record Completion(
    UUID id,
    Instant created,
    String provider,
    ChatResponse response,
    long costMicroUsd,
    boolean cacheHit) {
  public Completion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(response, "response");
  }
}
