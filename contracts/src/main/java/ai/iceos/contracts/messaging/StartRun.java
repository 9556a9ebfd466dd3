package ai.iceos.contracts.messaging;

import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PinnedPlan;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Starts one execution of a compiled plan. The plan travels with the command so the scheduler never
 * reads another service's store; an execution pins the plan it was started with.
 *
 * @param executionId chosen by blueprint-service; a second StartRun with the same id is a no-op
 * @param versionLock the blueprint version the plan was compiled from
 * @param inputs validated run inputs (a JSON object)
 * @param parentExecutionId the execution whose {@code workflow} node started this one, or null for
 *     a top-level execution
 * @param parentNodeId that {@code workflow} node's id, or null
 * @param depth 0 for a top-level execution, parent's depth + 1 for a child (limit 10, SPEC §2.6)
 * @param workflows every {@code workflow_ref} reachable from {@code plan} (transitively), keyed by
 *     the reference as written, resolved by blueprint-service when the execution starts, so the
 *     scheduler can start child executions without reading another service's store
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
    String parentExecutionId,
    String parentNodeId,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int depth,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, PinnedPlan> workflows,
    Instant occurredAt)
    implements RunCommand {
  /** Deepest nesting of child executions (SPEC §2.6). */
  public static final int MAX_DEPTH = 10;

  public StartRun {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
    Objects.requireNonNull(plan, "plan");
    inputs = inputs == null ? JsonNodeFactory.instance.objectNode() : inputs.deepCopy();
    options = options == null ? RunOptions.defaults() : options;
    workflows = workflows == null ? Map.of() : Map.copyOf(workflows);
    if (depth < 0 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth must be 0.." + MAX_DEPTH);
    }
  }

  /** A top-level execution whose plan references no other workflow. */
  public StartRun(
      UUID messageId,
      String executionId,
      String orgId,
      String blueprintId,
      String versionLock,
      ExecutionPlan plan,
      JsonNode inputs,
      RunOptions options,
      Instant occurredAt) {
    this(
        messageId,
        executionId,
        orgId,
        blueprintId,
        versionLock,
        plan,
        inputs,
        options,
        null,
        null,
        0,
        Map.of(),
        occurredAt);
  }

  /** Whether a {@code workflow} node of another execution started this one. */
  @JsonIgnore
  public boolean isChild() {
    return parentExecutionId != null;
  }
}
