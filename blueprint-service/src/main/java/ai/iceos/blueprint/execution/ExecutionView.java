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
    Instant finishedAt) {
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
        null);
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
        finished);
  }
}
