package ai.iceos.contracts.messaging;

import ai.iceos.contracts.blueprint.FailurePolicy;
import java.math.BigDecimal;

/**
 * Per-execution overrides of the plan's settings; each null field keeps the plan's value.
 *
 * @param budgetUsd spend limit of this execution in US dollars
 */
public record RunOptions(Integer maxParallel, FailurePolicy failurePolicy, BigDecimal budgetUsd) {
  public static RunOptions defaults() {
    return new RunOptions(null, null, null);
  }
}
