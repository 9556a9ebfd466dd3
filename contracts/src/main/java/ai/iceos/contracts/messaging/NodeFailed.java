package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The attempt failed; whether it is retried is the scheduler's decision from {@code failure}.
 *
 * @param startedAt when the worker started the attempt, or null when the sender does not say; a
 *     worker may leave out {@link NodeStarted} for an attempt that ends quickly, and then this is
 *     the start's only report (decision 0104)
 * @param workerId the worker that ran the attempt, or null when the sender does not say
 */
public record NodeFailed(
    UUID messageId,
    String taskId,
    String executionId,
    String nodeId,
    int attempt,
    Failure failure,
    Usage usage,
    long durationMs,
    Instant occurredAt,
    Instant startedAt,
    String workerId)
    implements NodeOutcome {
  public NodeFailed {
    Objects.requireNonNull(failure, "failure");
  }

  /** A failure that does not report its attempt's start. */
  public NodeFailed(
      UUID messageId,
      String taskId,
      String executionId,
      String nodeId,
      int attempt,
      Failure failure,
      Usage usage,
      long durationMs,
      Instant occurredAt) {
    this(
        messageId,
        taskId,
        executionId,
        nodeId,
        attempt,
        failure,
        usage,
        durationMs,
        occurredAt,
        null,
        null);
  }
}
