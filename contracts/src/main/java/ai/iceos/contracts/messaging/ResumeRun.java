package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Resumes a paused execution (a monitor's {@code pause}): dispatch goes on where it stopped. */
public record ResumeRun(UUID messageId, String executionId, Instant occurredAt)
    implements RunCommand {
  public ResumeRun {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
  }
}
