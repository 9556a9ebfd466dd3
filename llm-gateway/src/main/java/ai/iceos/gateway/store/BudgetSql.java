package ai.iceos.gateway.store;

/**
 * The SQL of budget windows. Reservations and settlements are written in batches by the functions
 * of migration V5, which lock the rows they touch in scope order and decide on the locked, latest
 * values: the check-and-reserve is atomic, and every writer takes the row locks in the same order.
 */
final class BudgetSql {
  /** Start of the row's current window. */
  private static final String CURRENT_WINDOW =
      "(CASE period WHEN 'day' THEN date_trunc('day', now(), 'UTC')"
          + " WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE window_start END)";

  /** Spent in the current window: 0 once the window has rolled over. */
  private static final String SPENT =
      "(CASE WHEN window_start < " + CURRENT_WINDOW + " THEN 0 ELSE spent_micro_usd END)";

  /**
   * $1 amounts, $2 number of scopes per call, $3 the calls' scopes one after the other: reserve for
   * a batch of calls, each all or none, in batch order (the function of migration V5, which repeats
   * {@link #CURRENT_WINDOW} and {@link #SPENT}); one row per call, in batch order, with the scopes
   * held and the scope that refused (null when none did).
   */
  static final String RESERVE_BATCH =
      "SELECT r.held, r.refused FROM gateway.reserve_batch($1, $2, $3)"
          + " WITH ORDINALITY AS r(held, refused, n) ORDER BY r.n";

  /**
   * The usage rows ($1 to $13, one array per column of {@link UsageStore#INSERT}) and, per entry
   * ($14 scope, $15 amount to release, $16 cost to book), the settlement of a batch, in one
   * statement (the function of migration V5); returns the scopes whose spend now exceeds their
   * limit (possible only when a provider billed more than the reserved worst case).
   */
  static final String SETTLE_BATCH =
      "SELECT over_scope FROM gateway.settle_batch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
          + " $12, $13, $14, $15, $16)";

  /**
   * $1 scopes (sorted), $2 amount: the reservation of a batch of one call, by the single-call
   * function of migration V4 (a conditional UPDATE per scope, in order, all or none): the same
   * decision as {@link #RESERVE_BATCH} on the latest locked values, for less database work than the
   * batch function's locking cursor and array loops (decision 0145). Returns the same columns.
   */
  static final String RESERVE_ONE = "SELECT held, refused FROM gateway.reserve($1, $2)";

  /**
   * The settlement of a batch of one call on one scope: the usage row ($1 to $13, as {@link
   * UsageStore#INSERT}) inserted by a data-modifying CTE of the UPDATE that releases $15 and books
   * $16 on scope $14; returns the scope when its spend now exceeds its limit. One row is locked, so
   * the lock order of {@link #SETTLE_BATCH} is kept trivially.
   */
  static final String SETTLE_ONE =
      "WITH recorded AS ("
          + UsageStore.INSERT
          + "), settled AS (UPDATE gateway.budget SET spent_micro_usd = "
          + SPENT
          + " + $16, window_start = "
          + CURRENT_WINDOW
          + ", reserved_micro_usd = GREATEST(reserved_micro_usd - $15, 0), updated_at = now()"
          + " WHERE scope = $14 RETURNING scope, spent_micro_usd > limit_micro_usd AS over)"
          + " SELECT scope AS over_scope FROM settled WHERE over";

  /** $1 scope, $2 reserved amount: the release of a batch of one call on one scope. */
  static final String RELEASE_ONE =
      "UPDATE gateway.budget SET reserved_micro_usd = GREATEST(reserved_micro_usd - $2, 0),"
          + " updated_at = now() WHERE scope = $1";

  static final String SELECT =
      "SELECT scope, limit_micro_usd, "
          + SPENT
          + " AS spent, reserved_micro_usd, period, "
          + CURRENT_WINDOW
          + " AS window_start FROM gateway.budget WHERE scope = $1";

  /** $1 scope, $2 limit, $3 period: create, or change limit and period keeping the spend. */
  static final String UPSERT =
      "INSERT INTO gateway.budget (scope, limit_micro_usd, period, window_start)"
          + " VALUES ($1, $2, $3, CASE $3 WHEN 'day' THEN date_trunc('day', now(), 'UTC')"
          + " WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE now() END)"
          + " ON CONFLICT (scope) DO UPDATE SET limit_micro_usd = EXCLUDED.limit_micro_usd,"
          + " period = EXCLUDED.period, updated_at = now()";

  private BudgetSql() {}
}
