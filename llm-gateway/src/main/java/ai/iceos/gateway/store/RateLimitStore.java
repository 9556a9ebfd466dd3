package ai.iceos.gateway.store;

import ai.iceos.gateway.ratelimit.RateLimit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Counts calls and tokens per key and UTC minute in {@code gateway.rate_window}, exactly across
 * replicas: one conditional upsert per key inside one transaction (the row lock serialises
 * concurrent callers, who re-check the condition on the latest row), so a call is counted in every
 * key or in none.
 */
@ApplicationScoped
public class RateLimitStore {
  /** $1 key, $2 tokens, $3 rpm, $4 tpm: count the call if it fits the current minute. */
  private static final String ACQUIRE =
      "INSERT INTO gateway.rate_window AS w (key, window_start, requests, tokens)"
          + " SELECT $1::text, date_trunc('minute', now(), 'UTC'), 1, $2::bigint"
          + " WHERE 1 <= $3::bigint AND $2::bigint <= $4::bigint"
          + " ON CONFLICT (key, window_start) DO UPDATE"
          + " SET requests = w.requests + 1, tokens = w.tokens + $2::bigint"
          + " WHERE w.requests + 1 <= $3::bigint AND w.tokens + $2::bigint <= $4::bigint"
          + " RETURNING key";

  private final Pool pool;

  RateLimitStore(Pool pool) {
    this.pool = pool;
  }

  /** Counts a call of {@code tokens} in every limit, or in none; the refusing limit if any. */
  public Uni<Optional<RateLimit>> acquire(List<RateLimit> limits, long tokens) {
    if (limits.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return pool.withTransaction(conn -> acquireEach(conn, limits, 0, tokens))
        .onFailure(Refused.class)
        .recoverWithItem(refused -> Optional.of(((Refused) refused).limit));
  }

  private Uni<Optional<RateLimit>> acquireEach(
      SqlConnection conn, List<RateLimit> limits, int index, long tokens) {
    if (index == limits.size()) {
      return Uni.createFrom().item(Optional.empty());
    }
    RateLimit limit = limits.get(index);
    return conn.preparedQuery(ACQUIRE)
        .execute(Tuple.of(limit.key(), tokens, limit.requestsPerMinute(), limit.tokensPerMinute()))
        .chain(
            rows ->
                rows.size() == 1
                    ? acquireEach(conn, limits, index + 1, tokens)
                    : Uni.createFrom().failure(new Refused(limit)));
  }

  /** Rolls the counting transaction back; never leaves this class. */
  private static final class Refused extends RuntimeException {
    private final RateLimit limit;

    Refused(RateLimit limit) {
      super("rate limited: " + limit.key(), null, false, false);
      this.limit = limit;
    }
  }
}
