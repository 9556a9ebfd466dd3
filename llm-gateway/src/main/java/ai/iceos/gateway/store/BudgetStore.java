package ai.iceos.gateway.store;

import ai.iceos.gateway.budget.BudgetPeriod;
import ai.iceos.gateway.budget.Reservation;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Budgets in {@code gateway.budget}. A reservation is one statement (the {@code gateway.reserve}
 * function): one conditional UPDATE per scope, in the caller's (sorted) scope order, so either
 * every scope that has a budget holds the amount, or none does. Scopes without a budget row are
 * unlimited. Settling is one statement too: the usage row and the booked cost together.
 */
@ApplicationScoped
public class BudgetStore {
  private static final String SETTLE_WITH_USAGE =
      BudgetSql.settleWithUsage(UsageStore.INSERT, UsageStore.INSERT_PARAMETERS);

  private final Pool pool;

  BudgetStore(Pool pool) {
    this.pool = pool;
  }

  public Uni<Reservation> reserve(List<String> scopes, long microUsd) {
    if (scopes.isEmpty()) {
      return Uni.createFrom().item(new Reservation.Held(List.of(), microUsd));
    }
    return pool.preparedQuery(BudgetSql.RESERVE)
        .execute(Tuple.of(scopes.toArray(String[]::new), microUsd))
        .map(rows -> toReservation(rows.iterator().next(), microUsd));
  }

  private static Reservation toReservation(Row row, long microUsd) {
    String refused = row.getString("refused");
    return refused == null
        ? new Reservation.Held(List.of(row.getArrayOfStrings("held")), microUsd)
        : new Reservation.Refused(refused, microUsd);
  }

  /**
   * Books {@code costMicroUsd} and releases the reservation, together with the usage row. The
   * actual cost is booked even when it exceeds the reservation (the provider has billed it); a
   * scope pushed over its limit that way is logged as a warning, and refuses every further call
   * until its window rolls over or its limit is raised.
   */
  public Uni<Void> settle(Reservation.Held held, long costMicroUsd, UsageEntry usage) {
    Tuple values =
        UsageStore.row(usage)
            .addArrayOfString(held.scopes().toArray(String[]::new))
            .addLong(held.microUsd())
            .addLong(costMicroUsd);
    return pool.preparedQuery(SETTLE_WITH_USAGE)
        .execute(values)
        .invoke(rows -> rows.forEach(row -> warnIfOver(row, held, costMicroUsd)))
        .replaceWithVoid();
  }

  private static void warnIfOver(Row row, Reservation.Held held, long costMicroUsd) {
    if (row.getBoolean("over")) {
      Log.warnf(
          "Budget %s is over its limit: a call cost %d micro-USD, %d were reserved",
          row.getString("scope"), costMicroUsd, held.microUsd());
    }
  }

  public Uni<Void> release(Reservation.Held held) {
    if (held.scopes().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return pool.preparedQuery(BudgetSql.RELEASE)
        .execute(Tuple.of(held.scopes().toArray(String[]::new), held.microUsd()))
        .replaceWithVoid();
  }

  public Uni<Optional<BudgetState>> find(String scope) {
    return pool.preparedQuery(BudgetSql.SELECT)
        .execute(Tuple.of(scope))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(toState(rows.iterator().next())));
  }

  public Uni<BudgetState> put(String scope, long limitMicroUsd, BudgetPeriod period) {
    return pool.preparedQuery(BudgetSql.UPSERT)
        .execute(Tuple.of(scope, limitMicroUsd, period.wireName()))
        .chain(() -> find(scope))
        .map(Optional::orElseThrow);
  }

  private static BudgetState toState(Row row) {
    OffsetDateTime windowStart = row.getOffsetDateTime("window_start");
    return new BudgetState(
        row.getString("scope"),
        row.getLong("limit_micro_usd"),
        row.getLong("spent"),
        row.getLong("reserved_micro_usd"),
        BudgetPeriod.parse(row.getString("period")).orElseThrow(),
        windowStart.toInstant());
  }
}
