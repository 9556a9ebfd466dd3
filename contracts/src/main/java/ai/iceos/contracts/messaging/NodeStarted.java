package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker began the attempt. Informational: a completion may arrive without it (a worker leaves it
 * out for an attempt that ends quickly and reports the start in the completion instead, decision
 * 0104).
 */
public record NodeStarted(
    UUID messageId,
    String taskId,
    String executionId,
    String nodeId,
    int attempt,
    String workerId,
    Instant occurredAt)
    implements NodeOutcome {}
