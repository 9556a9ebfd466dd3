package ai.iceos.gateway.api;

import ai.iceos.gateway.budget.BudgetPeriod;
import ai.iceos.gateway.budget.BudgetScope;
import ai.iceos.gateway.budget.Money;
import ai.iceos.gateway.store.BudgetStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET|PUT /api/v1/budgets/{scope}} with scope {@code execution:<id>} or {@code org:<id>}.
 */
@Path("/api/v1/budgets/{scope}")
@Produces(MediaType.APPLICATION_JSON)
class BudgetResource {
  private final BudgetStore budgets;

  BudgetResource(BudgetStore budgets) {
    this.budgets = budgets;
  }

  @GET
  public Uni<BudgetView> get(@RestPath String scope) {
    String key = parse(scope).key();
    return budgets
        .find(key)
        .map(
            found ->
                found
                    .map(BudgetView::of)
                    .orElseThrow(
                        () ->
                            new GatewayException(
                                ErrorKind.NOT_FOUND, "No budget for " + key + ".", "scope", null)));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<BudgetView> put(@RestPath String scope, PutBudgetRequest body) {
    String key = parse(scope).key();
    if (body == null || body.limitUsd() == null || body.limitUsd().signum() < 0) {
      throw GatewayException.invalid("'limit_usd' must be a number >= 0.", "limit_usd");
    }
    BudgetPeriod period =
        body.period() == null
            ? BudgetPeriod.TOTAL
            : BudgetPeriod.parse(body.period())
                .orElseThrow(
                    () ->
                        GatewayException.invalid(
                            "'period' must be total, day or month.", "period"));
    long limit = microUsd(body.limitUsd());
    Log.infof("Budget %s set to %d micro-USD per %s", key, limit, period.wireName());
    return budgets.put(key, limit, period).map(BudgetView::of);
  }

  private static BudgetScope parse(String scope) {
    return BudgetScope.parse(scope)
        .orElseThrow(
            () -> GatewayException.invalid("Scope must be execution:<id> or org:<id>.", "scope"));
  }

  private static long microUsd(BigDecimal usd) {
    try {
      return Money.microUsd(usd);
    } catch (ArithmeticException e) {
      throw GatewayException.invalid("'limit_usd' is too large.", "limit_usd");
    }
  }
}
