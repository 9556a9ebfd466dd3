package ai.iceos.scheduler.store;

import ai.iceos.scheduler.SchedulerConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Ids of the messages whose effect is stored. Recorded in the effect's own transaction, so a
 * redelivered message finds its id and changes nothing.
 */
@ApplicationScoped
public class AppliedMessageLedger {
  private final Pool pool;
  private final SchedulerConfig config;

  AppliedMessageLedger(Pool pool, SchedulerConfig config) {
    this.pool = pool;
    this.config = config;
  }

  /** True when the id is new (the caller applies the message), false for a redelivery. */
  Uni<Boolean> recordFirst(SqlConnection connection, UUID messageId) {
    return connection
        .preparedQuery(
            "INSERT INTO scheduler.applied_message (message_id) VALUES ($1) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(messageId))
        .map(result -> result.rowCount() == 1);
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> pruneExpired() {
    return pool.preparedQuery(
            "DELETE FROM scheduler.applied_message"
                + " WHERE applied_at < now() - ($1::bigint * interval '1 second')")
        .execute(Tuple.of(config.ledger().retention().toSeconds()))
        .invoke(result -> Log.debugf("Pruned %d applied message ids", result.rowCount()))
        .replaceWithVoid();
  }
}
