package ai.iceos.compiler.estimate;

import ai.iceos.contracts.plan.CostEstimate;
import java.util.Map;

/**
 * A plan's estimate.
 *
 * @param total the whole execution
 * @param byNode each node by id, nested nodes included (a nested node's figure covers one run of
 *     its list; its owner's figure covers every run)
 */
public record PlanEstimate(CostEstimate total, Map<String, CostEstimate> byNode) {
  public PlanEstimate {
    byNode = Map.copyOf(byNode);
  }
}
