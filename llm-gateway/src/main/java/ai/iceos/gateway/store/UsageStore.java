package ai.iceos.gateway.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/** Recorded provider calls in {@code gateway.usage_record}. */
@ApplicationScoped
public class UsageStore {
  private static final String INSERT =
      "INSERT INTO gateway.usage_record (id, org_id, execution_id, node_id, model, provider,"
          + " prompt_tokens, completion_tokens, total_tokens, cost_micro_usd, created_at)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

  private static final String TOTALS =
      "SELECT coalesce(sum(prompt_tokens), 0)::bigint AS prompt,"
          + " coalesce(sum(completion_tokens), 0)::bigint AS completion,"
          + " coalesce(sum(total_tokens), 0)::bigint AS total,"
          + " coalesce(sum(cost_micro_usd), 0)::bigint AS cost, count(*) AS calls"
          + " FROM gateway.usage_record"
          + " WHERE ($1::text IS NULL OR org_id = $1) AND ($2::text IS NULL OR execution_id = $2)";

  private final Pool pool;

  UsageStore(Pool pool) {
    this.pool = pool;
  }

  /** Totals of the calls matching both filters; a null filter matches every call. */
  public Uni<UsageTotals> totals(String orgId, String executionId) {
    return pool.preparedQuery(TOTALS)
        .execute(Tuple.of(orgId, executionId))
        .map(rows -> toTotals(rows.iterator().next()));
  }

  /** Inserts {@code entry} through {@code client} (a connection when inside a transaction). */
  static Uni<Void> insert(SqlClient client, UsageEntry entry) {
    var tokens = entry.tokens();
    Tuple row =
        Tuple.from(
            new Object[] {
              entry.id(),
              entry.attribution().orgId(),
              entry.attribution().executionId(),
              entry.attribution().nodeId(),
              entry.model(),
              entry.provider(),
              tokens.promptTokens(),
              tokens.completionTokens(),
              tokens.totalTokens(),
              entry.costMicroUsd(),
              entry.createdAt().atOffset(ZoneOffset.UTC)
            });
    return client.preparedQuery(INSERT).execute(row).replaceWithVoid();
  }

  private static UsageTotals toTotals(Row row) {
    return new UsageTotals(
        row.getLong("prompt"),
        row.getLong("completion"),
        row.getLong("total"),
        row.getLong("cost"),
        row.getLong("calls"));
  }
}
