package ai.iceos.blueprint.execution;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.plan.CostEstimate;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
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
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        "hash",
        List.of(List.of("a"), List.of("b")),
        List.of(a, b),
        FailurePolicy.CONTINUE_IF_POSSIBLE,
        Scheduling.LEVEL,
        5,
        null,
        inputsSchema,
        cost);
  }

  private static PlannedNode planned(ToolNodeSpec spec, int level) {
    return new PlannedNode(spec, level, 30_000, RetryPolicy.none(), true);
  }
}
