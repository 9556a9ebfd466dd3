package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One provider call settled by llm-gateway, on {@link Topics#USAGE_EVENTS} keyed by execution id
 * (org id for calls outside an execution). Money in micro-USD.
 *
 * @param executionId the execution it was made for, or null
 * @param nodeId the node it was made for, or null
 * @param cachedPromptTokens prompt tokens the provider served from its prompt cache (part of {@code
 *     promptTokens}, billed at the cached-input rate)
 * @param cacheHit true when the gateway's response cache answered and no provider was called (cost
 *     0)
 */
public record UsageRecorded(
    UUID messageId,
    String orgId,
    String executionId,
    String nodeId,
    String model,
    String provider,
    long promptTokens,
    long cachedPromptTokens,
    long completionTokens,
    long costMicroUsd,
    boolean cacheHit,
    Instant occurredAt)
    implements IceosMessage {
  public UsageRecorded {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(model, "model");
  }
}
