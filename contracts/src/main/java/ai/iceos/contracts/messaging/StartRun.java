package ai.iceos.contracts.messaging;

import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Starts one execution of a compiled plan. The plan travels with the command so the scheduler never
 * reads another service's store; an execution pins the plan it was started with.
 *
 * @param executionId chosen by blueprint-service; a second StartRun with the same id is a no-op
 * @param versionLock the blueprint version the plan was compiled from
 * @param inputs validated run inputs (a JSON object)
 */
public record StartRun(
    UUID messageId,
    String executionId,
    String orgId,
    String blueprintId,
    String versionLock,
    ExecutionPlan plan,
    JsonNode inputs,
    RunOptions options,
    Instant occurredAt)
    implements RunCommand {
  public StartRun {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
    Objects.requireNonNull(plan, "plan");
    inputs = inputs == null ? JsonNodeFactory.instance.objectNode() : inputs.deepCopy();
    options = options == null ? RunOptions.defaults() : options;
  }
}
