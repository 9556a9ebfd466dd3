package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A piece of text streamed by a running LLM node; the scheduler turns it into a {@code
 * node.token_delta} run event. Deltas are informative only: the node's output is the one in its
 * {@link NodeCompleted}.
 *
 * @param index 0-based position of this delta within the attempt, so readers can order them
 * @param delta the streamed text, at most {@link Failure#MAX_MESSAGE_CHARS} characters
 */
public record NodeTokenDelta(
    UUID messageId,
    String taskId,
    String executionId,
    String nodeId,
    int attempt,
    int index,
    String delta,
    Instant occurredAt)
    implements NodeOutcome {
  public NodeTokenDelta {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
    Objects.requireNonNull(delta, "delta");
  }
}
