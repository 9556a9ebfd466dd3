package ai.iceos.contracts.messaging;

import ai.iceos.contracts.plan.ExecutionPlan;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The blueprint revision is valid; {@code plan} is what executions of it run. */
public record BlueprintCompiled(
    UUID messageId,
    UUID causationId,
    String blueprintId,
    long revision,
    ExecutionPlan plan,
    Instant occurredAt)
    implements BlueprintEvent {
  public BlueprintCompiled {
    Objects.requireNonNull(plan, "plan");
  }
}
