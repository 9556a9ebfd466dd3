package ai.iceos.scheduler.store;

import ai.iceos.scheduler.SchedulerConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Ids of the messages whose effect is stored. Recorded in the effect's own transaction ({@link
 * RunTable}), so a redelivered message finds its id and changes nothing. Old ids are pruned here.
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
