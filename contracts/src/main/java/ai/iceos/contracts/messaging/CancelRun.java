package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Cancels an execution: dispatch stops, running nodes are interrupted, status ends cancelled. */
public record CancelRun(UUID messageId, String executionId, String reason, Instant occurredAt)
    implements RunCommand {
  public CancelRun {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
  }
}
