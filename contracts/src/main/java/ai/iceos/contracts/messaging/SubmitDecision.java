package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's decision for a waiting {@code human} node (SPEC §2.11); it becomes the node's output
 * {@code {approved, response, choice, input, decided_by}}. A decision for a node that is not
 * waiting is ignored.
 *
 * @param response free text, or null
 * @param choice the picked choice of a {@code choice} node, or null
 * @param input free-form input of an {@code input_required} node, or null
 * @param decidedBy who decided ({@code human}, or the caller's identity)
 */
public record SubmitDecision(
    UUID messageId,
    String executionId,
    String nodeId,
    boolean approved,
    String response,
    String choice,
    JsonNode input,
    String decidedBy,
    Instant occurredAt)
    implements RunCommand {
  public SubmitDecision {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
    Objects.requireNonNull(nodeId, "node_id");
    input = input == null ? null : input.deepCopy();
  }
}
