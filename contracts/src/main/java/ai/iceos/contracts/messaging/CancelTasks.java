package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Asks every node-worker to interrupt running tasks, on {@link Topics#TASK_CANCELLATIONS} keyed by
 * execution id. Every worker instance reads the whole topic (a consumer group of its own, from the
 * latest offset), because any of them may be running the tasks; a worker running none ignores it.
 * An interrupted task reports {@link NodeFailed} with failure type {@code cancelled}.
 *
 * @param nodeId the node whose tasks to interrupt, or null for every task of the execution
 */
public record CancelTasks(
    UUID messageId, String executionId, String nodeId, String reason, Instant occurredAt)
    implements IceosMessage {
  public CancelTasks {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
  }

  /** Whether a task of {@code node} of {@code execution} is to be interrupted. */
  public boolean matches(String execution, String node) {
    return executionId.equals(execution) && (nodeId == null || nodeId.equals(node));
  }
}
