package ai.iceos.scheduler.store;

import ai.iceos.scheduler.SchedulerConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Ids of the messages whose effect is stored. Recorded in the effect's own transaction, so a
 * redelivered message finds its id and changes nothing.
 */
@ApplicationScoped
public class AppliedMessageLedger {
  private final Sessions sessions;
  private final InstantSource clock;
  private final SchedulerConfig config;

  AppliedMessageLedger(Sessions sessions, InstantSource clock, SchedulerConfig config) {
    this.sessions = sessions;
    this.clock = clock;
    this.config = config;
  }

  /**
   * True when the id is new (the caller applies the message), false for a redelivery. Runs in the
   * caller's transaction. One insert-if-absent statement, so a concurrent duplicate waits for the
   * first transaction instead of failing it.
   */
  Uni<Boolean> recordFirst(UUID messageId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO scheduler.applied_message (message_id) VALUES (:messageId)"
                            + " ON CONFLICT DO NOTHING")
                    .setParameter("messageId", messageId)
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> pruneExpired() {
    var cutoff =
        OffsetDateTime.ofInstant(
            clock.instant().minus(config.ledger().retention()), ZoneOffset.UTC);
    return sessions
        .inTransaction(() -> AppliedMessageEntity.delete("appliedAt < ?1", cutoff))
        .invoke(pruned -> Log.debugf("Pruned %d applied message ids", pruned))
        .replaceWithVoid();
  }
}
