package ai.iceos.gateway.api;

import ai.iceos.gateway.budget.Money;
import ai.iceos.gateway.store.UsageTotals;
import java.math.BigDecimal;

/** Totals of recorded calls for {@code GET /api/v1/usage}. */
public record UsageTotalsView(
    long promptTokens, long completionTokens, long totalTokens, BigDecimal costUsd, long calls) {

  static UsageTotalsView of(UsageTotals totals) {
    return new UsageTotalsView(
        totals.promptTokens(),
        totals.completionTokens(),
        totals.totalTokens(),
        Money.usd(totals.costMicroUsd()),
        totals.calls());
  }
}
