package ai.iceos.gateway.store;

/**
 * The SQL of budget windows. Each update touches rows one by one and refers only to that row's
 * columns and {@code now()}, so that PostgreSQL re-evaluates its condition on the latest row
 * version when concurrent updates queue on the row lock (READ COMMITTED): the check-and-reserve is
 * atomic.
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
   * $1 scopes, $2 amount: reserve on every budgeted scope, all or none, in one statement (the
   * function of migration V4, which repeats {@link #CURRENT_WINDOW} and {@link #SPENT}); returns
   * the scopes held and the scope that refused (null when none did).
   */
  static final String RESERVE = "SELECT held, refused FROM gateway.reserve($1, $2)";

  /**
   * The usage row inserted by {@code insertUsage} (parameters $1 to $n) and, in the same statement,
   * the reservation released and the cost booked ($n+1 scopes, $n+2 reserved amount, $n+3 actual
   * cost); returns the scopes whose spend now exceeds their limit (possible only when a provider
   * billed more than the reserved worst case). One statement: one round trip, atomic.
   */
  static String settleWithUsage(String insertUsage, int n) {
    return "WITH recorded AS ("
        + insertUsage
        + ") UPDATE gateway.budget SET spent_micro_usd = "
        + SPENT
        + " + $"
        + (n + 3)
        + ", window_start = "
        + CURRENT_WINDOW
        + ", reserved_micro_usd = GREATEST(reserved_micro_usd - $"
        + (n + 2)
        + ", 0), updated_at = now() WHERE scope = ANY($"
        + (n + 1)
        + ") RETURNING scope, spent_micro_usd > limit_micro_usd AS over";
  }

  /** $1 scopes, $2 reserved amount: release without booking anything. */
  static final String RELEASE =
      "UPDATE gateway.budget SET reserved_micro_usd = GREATEST(reserved_micro_usd - $2, 0),"
          + " updated_at = now() WHERE scope = ANY($1)";

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
