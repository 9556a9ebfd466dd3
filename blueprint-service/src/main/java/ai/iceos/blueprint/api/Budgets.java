package ai.iceos.blueprint.api;

import ai.iceos.contracts.plan.ExecutionPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/** The 402 preflight: a plan's average estimate against the tightest budget that applies. */
final class Budgets {
  private Budgets() {}

  /**
   * Fails with 402 when the estimate exceeds the smallest of {@code budgets} (null entries do not
   * apply; none at all means no limit).
   */
  static void requireWithin(ExecutionPlan plan, BigDecimal... budgets) {
    BigDecimal budget =
        Stream.of(budgets).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    BigDecimal estimate = PlanSummary.usd(plan.estimatedCost().avgMicroUsd());
    if (budget != null && estimate.compareTo(budget) > 0) {
      throw new ProblemException(
          ProblemType.BUDGET_EXCEEDED,
          "Estimated cost $%s exceeds budget $%s"
              .formatted(
                  estimate.setScale(2, RoundingMode.HALF_UP),
                  budget.setScale(2, RoundingMode.HALF_UP)));
    }
  }
}
