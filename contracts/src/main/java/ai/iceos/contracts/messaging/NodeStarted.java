package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.UUID;

/** A worker began the attempt. Informational: a completion may arrive without it. */
public record NodeStarted(
    UUID messageId,
    String taskId,
    String executionId,
    String nodeId,
    int attempt,
    String workerId,
    Instant occurredAt)
    implements NodeOutcome {}
