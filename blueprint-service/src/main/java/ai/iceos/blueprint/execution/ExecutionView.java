package ai.iceos.blueprint.execution;

import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public view of an execution (SPEC §3.1), built only from its run events by {@link
 * ExecutionViewProjector}. Nodes keep plan order.
 *
 * @param parentExecutionId for a child execution (a {@code workflow} node's), the execution whose
 *     node started it; null for an execution started through the API
 * @param parentNodeId that {@code workflow} node's id, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExecutionView(
    String executionId,
    String blueprintId,
    String versionLock,
    ExecutionStatus status,
    JsonNode inputs,
    RunResult result,
    Map<String, NodeView> nodes,
    UsageView usage,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String parentExecutionId,
    String parentNodeId) {
  public ExecutionView {
    nodes = nodes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    result = result == null ? RunResult.open() : result;
    usage = usage == null ? UsageView.none() : usage;
    inputs = inputs == null ? null : inputs.deepCopy();
  }

  /** A just-created execution: every top-level node of the plan pending, with type and level. */
  public static ExecutionView initial(
      String executionId,
      String blueprintId,
      String versionLock,
      JsonNode inputs,
      ExecutionPlan plan,
      Instant createdAt) {
    Map<String, NodeView> nodes = new LinkedHashMap<>();
    for (PlannedNode node : plan.nodes()) {
      nodes.put(node.id(), NodeView.pending(node.spec().kind().wireName(), node.level()));
    }
    return new ExecutionView(
        executionId,
        blueprintId,
        versionLock,
        ExecutionStatus.PENDING,
        inputs,
        RunResult.open(),
        nodes,
        UsageView.none(),
        createdAt,
        null,
        null,
        null,
        null);
  }

  /**
   * A child execution as its first event announces it: the nodes come with {@code
   * workflow.started}.
   */
  public static ExecutionView child(
      String executionId,
      String blueprintId,
      String versionLock,
      JsonNode inputs,
      Instant createdAt,
      String parentExecutionId,
      String parentNodeId) {
    return new ExecutionView(
        executionId,
        blueprintId,
        versionLock,
        ExecutionStatus.PENDING,
        inputs,
        RunResult.open(),
        Map.of(),
        UsageView.none(),
        createdAt,
        null,
        null,
        parentExecutionId,
        parentNodeId);
  }

  ExecutionView with(
      ExecutionStatus next,
      RunResult newResult,
      Map<String, NodeView> newNodes,
      UsageView newUsage,
      Instant started,
      Instant finished) {
    return new ExecutionView(
        executionId,
        blueprintId,
        versionLock,
        next,
        inputs,
        newResult,
        newNodes,
        newUsage,
        createdAt,
        started,
        finished,
        parentExecutionId,
        parentNodeId);
  }
}
