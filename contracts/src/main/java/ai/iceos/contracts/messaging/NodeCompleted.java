package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The attempt succeeded.
 *
 * @param output the node's output (SPEC §2.2), output mappings applied
 * @param usage tokens and cost of the attempt, or null when it made no provider call
 * @param cacheHit true when the output came from a cache rather than new work
 * @param startedAt when the worker started the attempt, or null when the sender does not say (a
 *     cache hit, an older worker); a worker may leave out {@link NodeStarted} for an attempt that
 *     ends quickly, and then this is the start's only report (decision 0104)
 * @param workerId the worker that ran the attempt, or null when the sender does not say
 */
public record NodeCompleted(
    UUID messageId,
    String taskId,
    String executionId,
    String nodeId,
    int attempt,
    JsonNode output,
    Usage usage,
    long durationMs,
    boolean cacheHit,
    Instant occurredAt,
    Instant startedAt,
    String workerId)
    implements NodeOutcome {
  public NodeCompleted {
    Objects.requireNonNull(output, "output");
    output = output.deepCopy();
  }

  /** A completion that does not report its attempt's start. */
  public NodeCompleted(
      UUID messageId,
      String taskId,
      String executionId,
      String nodeId,
      int attempt,
      JsonNode output,
      Usage usage,
      long durationMs,
      boolean cacheHit,
      Instant occurredAt) {
    this(
        messageId,
        taskId,
        executionId,
        nodeId,
        attempt,
        output,
        usage,
        durationMs,
        cacheHit,
        occurredAt,
        null,
        null);
  }
}
