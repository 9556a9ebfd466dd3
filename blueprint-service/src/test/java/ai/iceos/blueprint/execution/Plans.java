package ai.iceos.blueprint.execution;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.plan.CostEstimate;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** Small plans for tests: tool nodes "a" (level 0) and "b" (level 1, depends on a). */
public final class Plans {
  private Plans() {}

  public static ExecutionPlan twoTools(JsonNode inputsSchema) {
    return twoTools(inputsSchema, null);
  }

  /** The two tools, estimated at {@code avgMicroUsd} on average. */
  public static ExecutionPlan costing(long avgMicroUsd) {
    return twoTools(null, new CostEstimate(avgMicroUsd, avgMicroUsd, avgMicroUsd, 0, 1));
  }

  private static ExecutionPlan twoTools(JsonNode inputsSchema, CostEstimate cost) {
    PlannedNode a = planned(ToolNodeSpec.of("a", "echo", JsonNodeFactory.instance.objectNode()), 0);
    PlannedNode b =
        planned(ToolNodeSpec.of("b", "echo", JsonNodeFactory.instance.objectNode(), "a"), 1);
    return plan(a, b, inputsSchema, cost);
  }

  /** Root {@code first} at level 0, {@code second} at level 1. */
  private static ExecutionPlan plan(
      PlannedNode first, PlannedNode second, JsonNode inputsSchema, CostEstimate cost) {
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        "hash",
        List.of(List.of(first.id()), List.of(second.id())),
        List.of(first, second),
        FailurePolicy.CONTINUE_IF_POSSIBLE,
        Scheduling.LEVEL,
        5,
        null,
        inputsSchema,
        cost);
  }

  /**
   * Tool "a" (level 0), then loop "each" (level 1) whose body runs tool "read" (nested level 0)
   * then tool "double" (nested level 1, depends on read).
   */
  public static ExecutionPlan loopAfterTool() {
    PlannedNode a = planned(ToolNodeSpec.of("a", "echo", JsonNodeFactory.instance.objectNode()), 0);
    ToolNodeSpec read = ToolNodeSpec.of("read", "echo", JsonNodeFactory.instance.objectNode());
    ToolNodeSpec twice =
        ToolNodeSpec.of("double", "echo", JsonNodeFactory.instance.objectNode(), "read");
    LoopNodeSpec loop =
        new LoopNodeSpec(
            "each",
            null,
            List.of("a"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "{{ a }}",
            List.of(read, twice),
            "item",
            null,
            false);
    SubGraph body =
        new SubGraph(
            "body",
            List.of(planned(read, 0), planned(twice, 1)),
            List.of(List.of("read"), List.of("double")));
    PlannedNode each = new PlannedNode(loop, 1, 30_000, RetryPolicy.none(), true, List.of(body));
    return plan(a, each, null, null);
  }

  private static PlannedNode planned(ToolNodeSpec spec, int level) {
    return new PlannedNode(spec, level, 30_000, RetryPolicy.none(), true);
  }
}
