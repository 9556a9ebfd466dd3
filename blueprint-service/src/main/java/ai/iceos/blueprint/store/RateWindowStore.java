package ai.iceos.blueprint.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Request counters per token and minute window (table {@code rate_window}). Every replica counts in
 * the same row with one atomic upsert, so the limit holds across replicas exactly. The upsert is a
 * single statement on the reactive pool (its own implicit transaction): no ORM session and no
 * separate {@code begin}/{@code commit} round trips on every request.
 */
@ApplicationScoped
public class RateWindowStore {
  /** One round trip: count the requests and read the org's own limit, if it set one. */
  private static final String HIT =
      "with hit as (insert into blueprint.rate_window (token_sha256, window_start, requests)"
          + " values ($1, $2, $3) on conflict (token_sha256, window_start) do update set"
          + " requests = blueprint.rate_window.requests + excluded.requests returning requests)"
          + " select hit.requests, (select cast(p.policy ->> 'rate_limit_per_minute' as integer)"
          + " from blueprint.org_policy p where p.org_id = $4) from hit";

  private static final String SWEEP =
      "delete from blueprint.rate_window where window_start < :before";

  private final Sessions sessions;
  private final Pool pool;

  RateWindowStore(Sessions sessions, Pool pool) {
    this.sessions = sessions;
    this.pool = pool;
  }

  /**
   * Requests counted in a window.
   *
   * @param requests the window's count after this update
   * @param orgLimit the org's {@code rate_limit_per_minute}, or null when it has not set one
   */
  public record Hit(int requests, Integer orgLimit) {}

  /** Counts {@code requests} (≥ 1) requests of the token in the window. */
  public Uni<Hit> hit(String tokenSha256, String orgId, Instant windowStart, int requests) {
    return pool.preparedQuery(HIT)
        .execute(Tuple.of(tokenSha256, JsonColumns.at(windowStart), requests, orgId))
        .map(rows -> rows.iterator().next())
        .map(RateWindowStore::hitOf);
  }

  private static Hit hitOf(Row row) {
    return new Hit(row.getInteger(0), row.getInteger(1));
  }

  /** Removes windows that started before {@code before}. */
  public Uni<Integer> sweep(Instant before) {
    return sessions.inTransactionWith(
        session ->
            session
                .createNativeQuery(SWEEP)
                .setParameter("before", JsonColumns.at(before))
                .executeUpdate());
  }
}
