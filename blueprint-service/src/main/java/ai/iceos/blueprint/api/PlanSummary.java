package ai.iceos.blueprint.api;

import ai.iceos.contracts.plan.CostEstimate;
import ai.iceos.contracts.plan.ExecutionPlan;
import java.math.BigDecimal;
import java.util.List;

/** What the API shows of a compiled plan. */
public record PlanSummary(List<List<String>> levels, int nodeCount, CostSummary estimatedCost) {
  public PlanSummary {
    levels = levels.stream().map(List::copyOf).toList();
  }

  /** The estimate in decimal US dollars. */
  public record CostSummary(
      BigDecimal avgUsd,
      BigDecimal minUsd,
      BigDecimal maxUsd,
      long tokens,
      double durationSeconds) {}

  /** The summary of {@code plan}, or null for null. */
  public static PlanSummary of(ExecutionPlan plan) {
    if (plan == null) {
      return null;
    }
    CostEstimate cost = plan.estimatedCost();
    return new PlanSummary(
        plan.levels(),
        plan.nodes().size(),
        new CostSummary(
            usd(cost.avgMicroUsd()),
            usd(cost.minMicroUsd()),
            usd(cost.maxMicroUsd()),
            cost.tokens(),
            cost.durationSeconds()));
  }

  static BigDecimal usd(long microUsd) {
    return BigDecimal.valueOf(microUsd, 6);
  }
}
