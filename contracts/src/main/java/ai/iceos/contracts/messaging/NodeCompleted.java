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
    Instant occurredAt)
    implements NodeOutcome {
  public NodeCompleted {
    Objects.requireNonNull(output, "output");
    output = output.deepCopy();
  }
}
