package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.scheduler.SchedulerConfig;
import ai.iceos.scheduler.run.NodeCache;
import ai.iceos.scheduler.run.RunState;
import ai.iceos.scheduler.run.Transition;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The node output cache (SPEC §2.7, decision 0114) in {@code scheduler.node_output_cache}, used in
 * the transaction of the transition it serves: a cacheable task whose key holds an unexpired output
 * is not sent, its node completes from the cache ({@code cache_hit: true}); any other cacheable
 * task claims its key, and its attempt's output fills the row when it succeeds.
 */
@ApplicationScoped
public class NodeOutputCache {
  private static final String FIND =
      "SELECT cast(output as text) FROM scheduler.node_output_cache"
          + " WHERE cache_key = $1 AND output IS NOT NULL AND expires_at > $2";
  private static final String CLAIM =
      "INSERT INTO scheduler.node_output_cache"
          + " (cache_key, org_id, task_id, output, created_at, expires_at)"
          + " VALUES ($1, $2, $3, NULL, $4, $4)"
          + " ON CONFLICT (cache_key) DO UPDATE SET task_id = excluded.task_id, output = NULL,"
          + " created_at = excluded.created_at, expires_at = excluded.expires_at"
          + " WHERE node_output_cache.output IS NULL OR node_output_cache.expires_at <= $4";
  private static final String FILL =
      "UPDATE scheduler.node_output_cache SET output = cast(cast($1 as text) as json),"
          + " created_at = $2, expires_at = $3 WHERE task_id = $4 AND output IS NULL";

  private final Pool pool;
  private final InstantSource clock;
  private final SchedulerConfig config;

  NodeOutputCache(Pool pool, InstantSource clock, SchedulerConfig config) {
    this.pool = pool;
    this.clock = clock;
    this.config = config;
  }

  /**
   * Stores the outputs of cacheable attempts that {@code transition} completed, then serves its
   * cacheable tasks from the cache where it can. Runs in the caller's transaction, on its
   * connection.
   */
  Uni<Transition> settle(SqlConnection connection, RunState before, Transition transition) {
    List<NodeCache.Completion> completions =
        NodeCache.completions(before, transition.state(), config.cache().sideEffectingTools());
    Uni<Void> filled = Uni.createFrom().voidItem();
    for (NodeCache.Completion completion : completions) {
      filled = filled.chain(() -> fill(connection, completion));
    }
    return filled.chain(() -> serve(connection, transition, new HashSet<>()));
  }

  private Uni<Transition> serve(
      SqlConnection connection, Transition transition, Set<String> looked) {
    for (NodeTask task : transition.tasks()) {
      if (!looked.add(task.taskId())) {
        continue;
      }
      Optional<String> key =
          NodeCache.keyOf(transition.state(), task, config.cache().sideEffectingTools());
      if (key.isPresent()) {
        return find(connection, key.get())
            .chain(
                hit ->
                    hit.isPresent()
                        ? serve(connection, NodeCache.served(transition, task, hit.get()), looked)
                        : claim(connection, key.get(), transition.state().orgId(), task)
                            .chain(() -> serve(connection, transition, looked)));
      }
    }
    return Uni.createFrom().item(transition);
  }

  private Uni<Optional<JsonNode>> find(SqlConnection connection, String key) {
    return connection
        .preparedQuery(FIND)
        .execute(Tuple.of(key, now()))
        .map(
            rows ->
                StreamSupport.stream(rows.spliterator(), false)
                    .findFirst()
                    .map(row -> StoreJson.read(row.getString(0), JsonNode.class)));
  }

  private Uni<Void> claim(SqlConnection connection, String key, String orgId, NodeTask task) {
    return connection
        .preparedQuery(CLAIM)
        .execute(Tuple.of(key, orgId, task.taskId(), now()))
        .replaceWithVoid();
  }

  private Uni<Void> fill(SqlConnection connection, NodeCache.Completion completion) {
    return connection
        .preparedQuery(FILL)
        .execute(
            Tuple.of(
                StoreJson.write(completion.output()),
                now(),
                OffsetDateTime.ofInstant(
                    clock.instant().plus(config.cache().ttl()), ZoneOffset.UTC),
                completion.taskId()))
        .replaceWithVoid();
  }

  /** Expired rows serve nothing; they are deleted hourly so the table stays small. */
  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> pruneExpired() {
    return pool.preparedQuery(
            "DELETE FROM scheduler.node_output_cache WHERE expires_at <= $1 AND output IS NOT NULL")
        .execute(Tuple.of(now()))
        .invoke(pruned -> Log.debugf("Pruned %d expired cache entries", pruned.rowCount()))
        .replaceWithVoid();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
