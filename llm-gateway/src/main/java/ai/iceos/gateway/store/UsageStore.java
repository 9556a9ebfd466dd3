package ai.iceos.gateway.store;

import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.TokenUsage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Recorded provider calls in {@code gateway.usage_record}. */
@ApplicationScoped
public class UsageStore {
  static final int INSERT_PARAMETERS = 13;

  /** Inserts one row from the {@value #INSERT_PARAMETERS} parameters of {@link #row}. */
  static final String INSERT =
      "INSERT INTO gateway.usage_record (id, org_id, execution_id, node_id, model, provider,"
          + " prompt_tokens, completion_tokens, total_tokens, cost_micro_usd, created_at,"
          + " cached_prompt_tokens, cache_hit)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

  private static final String UNPUBLISHED =
      "SELECT id, org_id, execution_id, node_id, model, provider, prompt_tokens,"
          + " cached_prompt_tokens, completion_tokens, cost_micro_usd, cache_hit, created_at"
          + " FROM gateway.usage_record WHERE NOT published"
          + " AND created_at < now() - $1 * interval '1 millisecond'"
          + " ORDER BY created_at LIMIT $2";

  private static final String MARK_PUBLISHED =
      "UPDATE gateway.usage_record SET published = true WHERE id = ANY($1)";

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

  /** Recorded calls whose usage event is not on Kafka yet, older than {@code minAge}. */
  public Uni<List<UsageEntry>> unpublished(Duration minAge, int limit) {
    return pool.preparedQuery(UNPUBLISHED)
        .execute(Tuple.of(minAge.toMillis(), limit))
        .map(rows -> rows.stream().map(UsageStore::toEntry).toList());
  }

  public Uni<Void> markPublished(List<UUID> ids) {
    return pool.preparedQuery(MARK_PUBLISHED)
        .execute(Tuple.of(ids.toArray(UUID[]::new)))
        .replaceWithVoid();
  }

  /** The parameters of {@link #INSERT} for {@code entry}. */
  static Tuple row(UsageEntry entry) {
    var tokens = entry.tokens();
    return Tuple.tuple()
        .addValue(entry.id())
        .addValue(entry.attribution().orgId())
        .addValue(entry.attribution().executionId())
        .addValue(entry.attribution().nodeId())
        .addValue(entry.model())
        .addValue(entry.provider())
        .addValue(tokens.promptTokens())
        .addValue(tokens.completionTokens())
        .addValue(tokens.totalTokens())
        .addValue(entry.costMicroUsd())
        .addValue(entry.createdAt().atOffset(ZoneOffset.UTC))
        .addValue(tokens.cachedPromptTokens())
        .addValue(entry.cacheHit());
  }

  private static UsageEntry toEntry(Row row) {
    return new UsageEntry(
        row.getUUID("id"),
        new Attribution(
            row.getString("org_id"), row.getString("execution_id"), row.getString("node_id")),
        row.getString("model"),
        row.getString("provider"),
        new TokenUsage(
            row.getLong("prompt_tokens"),
            row.getLong("cached_prompt_tokens"),
            row.getLong("completion_tokens")),
        row.getLong("cost_micro_usd"),
        row.getBoolean("cache_hit"),
        row.getOffsetDateTime("created_at").toInstant());
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
