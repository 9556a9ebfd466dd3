package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The attempt failed; whether it is retried is the scheduler's decision from {@code failure}. */
public record NodeFailed(
    UUID messageId,
    String taskId,
    String executionId,
    String nodeId,
    int attempt,
    Failure failure,
    Usage usage,
    long durationMs,
    Instant occurredAt)
    implements NodeOutcome {
  public NodeFailed {
    Objects.requireNonNull(failure, "failure");
  }
}
