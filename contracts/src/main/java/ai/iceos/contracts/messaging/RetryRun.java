package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Re-runs a failed execution, under the same execution id, from its failed and skipped nodes;
 * succeeded nodes keep their outputs and are not run again.
 */
public record RetryRun(UUID messageId, String executionId, Instant occurredAt)
    implements RunCommand {
  public RetryRun {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
  }
}
