package ai.iceos.gateway.store;

import ai.iceos.gateway.budget.BudgetPeriod;
import ai.iceos.gateway.budget.Reservation;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Budgets in {@code gateway.budget}. A reservation is one conditional UPDATE per scope inside one
 * transaction, in the caller's (sorted) scope order: either every scope that has a budget holds the
 * amount, or none does. Scopes without a budget row are unlimited.
 */
@ApplicationScoped
public class BudgetStore {
  private final Pool pool;

  BudgetStore(Pool pool) {
    this.pool = pool;
  }

  public Uni<Reservation> reserve(List<String> scopes, long microUsd) {
    if (scopes.isEmpty()) {
      return Uni.createFrom().item(new Reservation.Held(List.of(), microUsd));
    }
    return pool.withTransaction(conn -> reserveEach(conn, scopes, 0, new ArrayList<>(), microUsd))
        .onFailure(Exhausted.class)
        .recoverWithItem(
            exhausted -> new Reservation.Refused(((Exhausted) exhausted).scope, microUsd));
  }

  /**
   * Books {@code costMicroUsd} and releases the reservation, together with the usage row. The
   * actual cost is booked even when it exceeds the reservation (the provider has billed it); a
   * scope pushed over its limit that way is logged as a warning, and refuses every further call
   * until its window rolls over or its limit is raised.
   */
  public Uni<Void> settle(Reservation.Held held, long costMicroUsd, UsageEntry usage) {
    return pool.withTransaction(
        conn ->
            UsageStore.insert(conn, usage)
                .chain(
                    () ->
                        conn.preparedQuery(BudgetSql.SETTLE)
                            .execute(
                                Tuple.of(
                                    held.scopes().toArray(String[]::new),
                                    held.microUsd(),
                                    costMicroUsd)))
                .invoke(rows -> rows.forEach(row -> warnIfOver(row, held, costMicroUsd)))
                .replaceWithVoid());
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

  private Uni<Reservation> reserveEach(
      SqlConnection conn, List<String> scopes, int index, List<String> held, long microUsd) {
    if (index == scopes.size()) {
      return Uni.createFrom().item(new Reservation.Held(held, microUsd));
    }
    String scope = scopes.get(index);
    return conn.preparedQuery(BudgetSql.RESERVE)
        .execute(Tuple.of(scope, microUsd))
        .chain(updated -> updated.rowCount() == 1 ? held(scope) : refusedOrUnlimited(conn, scope))
        .chain(
            step ->
                switch (step) {
                  case HELD -> {
                    held.add(scope);
                    yield reserveEach(conn, scopes, index + 1, held, microUsd);
                  }
                  case UNLIMITED -> reserveEach(conn, scopes, index + 1, held, microUsd);
                  case REFUSED -> Uni.createFrom().failure(new Exhausted(scope));
                });
  }

  private enum Step {
    HELD,
    UNLIMITED,
    REFUSED
  }

  private static Uni<Step> held(String scope) {
    return Uni.createFrom().item(Step.HELD);
  }

  private static Uni<Step> refusedOrUnlimited(SqlConnection conn, String scope) {
    return conn.preparedQuery(BudgetSql.EXISTS)
        .execute(Tuple.of(scope))
        .map(rows -> rows.size() > 0 ? Step.REFUSED : Step.UNLIMITED);
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

  /** Rolls the reservation transaction back; never leaves this class. */
  private static final class Exhausted extends RuntimeException {
    private final String scope;

    Exhausted(String scope) {
      super("budget exhausted: " + scope, null, false, false);
      this.scope = scope;
    }
  }
}
