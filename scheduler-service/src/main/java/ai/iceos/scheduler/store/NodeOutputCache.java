package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.scheduler.SchedulerConfig;
import ai.iceos.scheduler.run.NodeCache;
import ai.iceos.scheduler.run.RunState;
import ai.iceos.scheduler.run.Transition;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
          + " WHERE cache_key = :key AND output IS NOT NULL AND expires_at > :now";
  private static final String CLAIM =
      "INSERT INTO scheduler.node_output_cache"
          + " (cache_key, org_id, task_id, output, created_at, expires_at)"
          + " VALUES (:key, :org, :task, NULL, :now, :now)"
          + " ON CONFLICT (cache_key) DO UPDATE SET task_id = excluded.task_id, output = NULL,"
          + " created_at = excluded.created_at, expires_at = excluded.expires_at"
          + " WHERE node_output_cache.output IS NULL OR node_output_cache.expires_at <= :now";
  private static final String FILL =
      "UPDATE scheduler.node_output_cache SET output = cast(cast(:output as text) as json),"
          + " created_at = :now, expires_at = :expires WHERE task_id = :task AND output IS NULL";

  private final Sessions sessions;
  private final InstantSource clock;
  private final SchedulerConfig config;

  NodeOutputCache(Sessions sessions, InstantSource clock, SchedulerConfig config) {
    this.sessions = sessions;
    this.clock = clock;
    this.config = config;
  }

  /**
   * Stores the outputs of cacheable attempts that {@code transition} completed, then serves its
   * cacheable tasks from the cache where it can. Runs in the caller's transaction.
   */
  Uni<Transition> settle(RunState before, Transition transition) {
    List<NodeCache.Completion> completions =
        NodeCache.completions(before, transition.state(), config.cache().sideEffectingTools());
    Uni<Void> filled = Uni.createFrom().voidItem();
    for (NodeCache.Completion completion : completions) {
      filled = filled.chain(() -> fill(completion));
    }
    return filled.chain(() -> serve(transition, new HashSet<>()));
  }

  private Uni<Transition> serve(Transition transition, Set<String> looked) {
    for (NodeTask task : transition.tasks()) {
      if (!looked.add(task.taskId())) {
        continue;
      }
      Optional<String> key =
          NodeCache.keyOf(transition.state(), task, config.cache().sideEffectingTools());
      if (key.isPresent()) {
        return find(key.get())
            .chain(
                hit ->
                    hit.isPresent()
                        ? serve(NodeCache.served(transition, task, hit.get()), looked)
                        : claim(key.get(), transition.state().orgId(), task)
                            .chain(() -> serve(transition, looked)));
      }
    }
    return Uni.createFrom().item(transition);
  }

  private Uni<Optional<JsonNode>> find(String key) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(FIND, String.class)
                    .setParameter("key", key)
                    .setParameter("now", now())
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(text -> StoreJson.read(text, JsonNode.class)));
  }

  private Uni<Void> claim(String key, String orgId, NodeTask task) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(CLAIM)
                    .setParameter("key", key)
                    .setParameter("org", orgId)
                    .setParameter("task", task.taskId())
                    .setParameter("now", now())
                    .executeUpdate())
        .replaceWithVoid();
  }

  private Uni<Void> fill(NodeCache.Completion completion) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(FILL)
                    .setParameter("output", StoreJson.write(completion.output()))
                    .setParameter("now", now())
                    .setParameter(
                        "expires",
                        OffsetDateTime.ofInstant(
                            clock.instant().plus(config.cache().ttl()), ZoneOffset.UTC))
                    .setParameter("task", completion.taskId())
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** Expired rows serve nothing; they are deleted hourly so the table stays small. */
  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> pruneExpired() {
    return sessions
        .inTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .createNativeQuery(
                                    "DELETE FROM scheduler.node_output_cache"
                                        + " WHERE expires_at <= :now AND output IS NOT NULL")
                                .setParameter("now", now())
                                .executeUpdate()))
        .invoke(pruned -> Log.debugf("Pruned %d expired cache entries", pruned))
        .replaceWithVoid();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
