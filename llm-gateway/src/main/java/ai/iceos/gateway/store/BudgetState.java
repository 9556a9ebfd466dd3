package ai.iceos.gateway.store;

import ai.iceos.gateway.budget.BudgetPeriod;
import java.time.Instant;
import java.util.Objects;

/** A budget as stored, with {@code spentMicroUsd} already reset if its period has rolled over. */
public record BudgetState(
    String scope,
    long limitMicroUsd,
    long spentMicroUsd,
    long reservedMicroUsd,
    BudgetPeriod period,
    Instant windowStart) {
  public BudgetState {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(windowStart, "windowStart");
  }

  /** What is left for new reservations; never negative. */
  public long remainingMicroUsd() {
    return Math.max(0, limitMicroUsd - spentMicroUsd - reservedMicroUsd);
  }
}
