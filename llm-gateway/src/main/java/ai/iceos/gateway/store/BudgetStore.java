package ai.iceos.gateway.store;

import ai.iceos.gateway.budget.BudgetPeriod;
import ai.iceos.gateway.budget.Reservation;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Budgets in {@code gateway.budget}. Reservations and settlements go through lanes: each lane (one
 * of {@value #LANES}, chosen by the call's org scope, else its execution scope) has at most {@value
 * #IN_FLIGHT} statements in flight, and the calls that arrive meanwhile go together in its next
 * statement ({@link MicroBatcher}); a batch of one uses the single-call statements, which cost the
 * database less (decision 0145). A hot budget row (one org, many concurrent calls) is so locked and
 * written once per batch and replica, instead of twice per call, with no lock queue behind it. A
 * batch is exact: the statement locks its rows, decides each call all or none in order against the
 * latest values, and writes each row once (migration V5). Scopes without a budget row are
 * unlimited.
 */
@ApplicationScoped
public class BudgetStore {
  private static final int LANES = 16;
  private static final int MAX_BATCH = 256;

  /**
   * Statements a lane may have open at once. With one, a call arriving during a round trip waits
   * for it to end before its own starts (p50 1.6 → 3.7 ms at 1,000 calls/s on an idle machine,
   * BENCHMARKS.md); with two it starts at once and waits on the row lock in PostgreSQL instead.
   */
  private static final int IN_FLIGHT = 2;

  private final Pool pool;
  private final List<MicroBatcher<BudgetBatch.Reserve, Reservation>> reserveLanes;
  private final List<MicroBatcher<BudgetBatch.Settle, List<String>>> settleLanes;

  BudgetStore(Pool pool) {
    this.pool = pool;
    this.reserveLanes =
        lanes(() -> new MicroBatcher<>(this::reserveBatch, MAX_BATCH, IN_FLIGHT, this::giveBack));
    this.settleLanes =
        lanes(
            () -> new MicroBatcher<>(this::settleBatch, MAX_BATCH, IN_FLIGHT, (call, over) -> {}));
  }

  /**
   * Reserves {@code microUsd} on every scope of {@code scopes} (sorted) that has a budget, all or
   * none. A caller that goes away before the answer has its reservation released.
   */
  public Uni<Reservation> reserve(List<String> scopes, long microUsd) {
    if (scopes.isEmpty()) {
      return Uni.createFrom().item(new Reservation.Held(List.of(), microUsd));
    }
    var call = new BudgetBatch.Reserve(scopes, microUsd);
    return CallerContext.await(
        () -> laneOf(reserveLanes, scopes).submit(call), r -> giveBack(call, r));
  }

  /**
   * Books {@code costMicroUsd} and releases the reservation, together with the usage row. The
   * actual cost is booked even when it exceeds the reservation (the provider has billed it); a
   * scope pushed over its limit that way is logged as a warning, and refuses every further call
   * until its window rolls over or its limit is raised.
   */
  public Uni<Void> settle(Reservation.Held held, long costMicroUsd, UsageEntry usage) {
    if (held.scopes().isEmpty()) {
      return pool.preparedQuery(UsageStore.INSERT).execute(UsageStore.row(usage)).replaceWithVoid();
    }
    return write(new BudgetBatch.Settle(held.scopes(), held.microUsd(), costMicroUsd, usage));
  }

  public Uni<Void> release(Reservation.Held held) {
    if (held.scopes().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return write(new BudgetBatch.Settle(held.scopes(), held.microUsd(), 0, null));
  }

  private Uni<Void> write(BudgetBatch.Settle call) {
    return CallerContext.await(() -> laneOf(settleLanes, call.scopes()).submit(call), over -> {})
        .invoke(over -> warnIfOver(call, over))
        .replaceWithVoid();
  }

  /**
   * One statement for a batch of reservations. A batch of one (what an idle lane sends) uses the
   * single-call function, which costs the database less than the batch function (decision 0145).
   */
  private CompletionStage<List<Reservation>> reserveBatch(List<BudgetBatch.Reserve> calls) {
    var statement =
        calls.size() == 1
            ? pool.preparedQuery(BudgetSql.RESERVE_ONE).execute(BudgetBatch.reserveOne(calls))
            : pool.preparedQuery(BudgetSql.RESERVE_BATCH)
                .execute(BudgetBatch.reserveParameters(calls));
    return statement
        .map(rows -> BudgetBatch.reservations(calls, rows))
        .subscribeAsCompletionStage();
  }

  /**
   * One statement for a batch of settlements and releases; a batch of one call on one scope (an
   * idle lane, a call attributed to its org only) uses a plain statement instead of the batch
   * function (decision 0145).
   */
  private CompletionStage<List<List<String>>> settleBatch(List<BudgetBatch.Settle> calls) {
    var settleOne = calls.size() == 1 && calls.getFirst().scopes().size() == 1;
    var statement =
        settleOne
            ? settleOne(calls.getFirst())
            : pool.preparedQuery(BudgetSql.SETTLE_BATCH)
                .execute(BudgetBatch.settleParameters(calls));
    return statement
        .map(rows -> Collections.nCopies(calls.size(), BudgetBatch.overScopes(rows)))
        .subscribeAsCompletionStage();
  }

  private Uni<RowSet<Row>> settleOne(BudgetBatch.Settle call) {
    String scope = call.scopes().getFirst();
    if (call.usage() == null) {
      return pool.preparedQuery(BudgetSql.RELEASE_ONE).execute(Tuple.of(scope, call.reserved()));
    }
    return pool.preparedQuery(BudgetSql.SETTLE_ONE)
        .execute(
            UsageStore.row(call.usage())
                .addValue(scope)
                .addValue(call.reserved())
                .addValue(call.booked()));
  }

  /** Releases what a reservation nobody waits for any more holds. */
  private void giveBack(BudgetBatch.Reserve call, Reservation reservation) {
    if (reservation instanceof Reservation.Held held) {
      release(held)
          .subscribe()
          .with(
              ignored -> {},
              failure ->
                  Log.warnf(
                      "Releasing an abandoned reservation on %s failed: %s",
                      call.scopes(), failure));
    }
  }

  private static void warnIfOver(BudgetBatch.Settle call, List<String> over) {
    if (call.booked() <= call.reserved()) {
      return;
    }
    call.scopes().stream()
        .filter(over::contains)
        .forEach(
            scope ->
                Log.warnf(
                    "Budget %s is over its limit: a call cost %d micro-USD, %d were reserved",
                    scope, call.booked(), call.reserved()));
  }

  private static <I, R> List<MicroBatcher<I, R>> lanes(Supplier<MicroBatcher<I, R>> lane) {
    return Stream.generate(lane).limit(LANES).toList();
  }

  /** The lane of a call: by its org scope when it has one (the last in sorted order). */
  private static <T> T laneOf(List<T> lanes, List<String> scopes) {
    return lanes.get(Math.floorMod(scopes.getLast().hashCode(), lanes.size()));
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
