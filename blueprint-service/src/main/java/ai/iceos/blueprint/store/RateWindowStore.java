package ai.iceos.blueprint.store;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Request counters per token and minute window (table {@code rate_window}). Every replica counts in
 * the same row with one atomic upsert, so the limit holds across replicas exactly.
 */
@ApplicationScoped
public class RateWindowStore {
  /** One round trip: count the request and read the org's own limit, if it set one. */
  private static final String HIT =
      "with hit as (insert into blueprint.rate_window (token_sha256, window_start, requests)"
          + " values (:token, :window, 1) on conflict (token_sha256, window_start) do update set"
          + " requests = blueprint.rate_window.requests + 1 returning requests)"
          + " select hit.requests, (select cast(p.policy ->> 'rate_limit_per_minute' as integer)"
          + " from blueprint.org_policy p where p.org_id = :org) from hit";

  private static final String SWEEP =
      "delete from blueprint.rate_window where window_start < :before";

  private final Sessions sessions;

  RateWindowStore(Sessions sessions) {
    this.sessions = sessions;
  }

  /**
   * A request counted in a window.
   *
   * @param orgLimit the org's {@code rate_limit_per_minute}, or null when it has not set one
   */
  public record Hit(int requests, Integer orgLimit) {}

  /** Counts one request of the token in the window. */
  public Uni<Hit> hit(String tokenSha256, String orgId, Instant windowStart) {
    return sessions
        .inTransactionWith(
            session ->
                session
                    .createNativeQuery(HIT, Object[].class)
                    .setParameter("token", tokenSha256)
                    .setParameter("org", orgId)
                    .setParameter("window", JsonColumns.at(windowStart))
                    .getSingleResult())
        .map(
            row ->
                new Hit(
                    ((Number) row[0]).intValue(),
                    row[1] == null ? null : ((Number) row[1]).intValue()));
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
