package ai.iceos.gateway.api;

import ai.iceos.gateway.budget.BudgetPeriod;
import ai.iceos.gateway.budget.Money;
import ai.iceos.gateway.store.BudgetState;
import java.math.BigDecimal;
import java.time.Instant;

/** A budget as {@code GET|PUT /api/v1/budgets/{scope}} show it; amounts in USD. */
public record BudgetView(
    String scope,
    BigDecimal limitUsd,
    BigDecimal spentUsd,
    BigDecimal reservedUsd,
    BigDecimal remainingUsd,
    BudgetPeriod period,
    Instant windowStart) {

  static BudgetView of(BudgetState state) {
    return new BudgetView(
        state.scope(),
        Money.usd(state.limitMicroUsd()),
        Money.usd(state.spentMicroUsd()),
        Money.usd(state.reservedMicroUsd()),
        Money.usd(state.remainingMicroUsd()),
        state.period(),
        state.windowStart());
  }
}
