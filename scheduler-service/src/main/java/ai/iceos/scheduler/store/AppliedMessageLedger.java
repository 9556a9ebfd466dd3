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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

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

  /**
   * Records several ids at once and answers those that are new (a mutable set), for a batch applied
   * in one transaction. Runs in the caller's transaction: one query for the ids already applied,
   * one insert of the others. Should a concurrent transaction record one of them in between, the
   * insert waits for it and then writes fewer rows; this fails the caller's transaction, whose
   * retry finds that id among the applied ones.
   */
  Uni<Set<UUID>> recordFirst(List<UUID> messageIds) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT message_id FROM scheduler.applied_message"
                            + " WHERE message_id IN (:ids)",
                        UUID.class)
                    .setParameter("ids", messageIds)
                    .getResultList()
                    .chain(
                        applied -> {
                          Set<UUID> fresh = new LinkedHashSet<>(messageIds);
                          applied.forEach(fresh::remove);
                          return fresh.isEmpty()
                              ? Uni.createFrom().item(fresh)
                              : insert(session, List.copyOf(fresh)).replaceWith(fresh);
                        }));
  }

  private static Uni<Void> insert(Mutiny.Session session, List<UUID> fresh) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO scheduler.applied_message (message_id) VALUES ");
    for (int i = 0; i < fresh.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(:m").append(i).append(')');
    }
    sql.append(" ON CONFLICT DO NOTHING");
    var query = session.createNativeQuery(sql.toString());
    for (int i = 0; i < fresh.size(); i++) {
      query.setParameter("m" + i, fresh.get(i));
    }
    return query
        .executeUpdate()
        .invoke(
            inserted -> {
              if (inserted != fresh.size()) {
                throw new ConcurrentlyApplied(fresh.size() - inserted);
              }
            })
        .replaceWithVoid();
  }

  /** Messages of a batch were applied by a concurrent transaction; trying again skips them. */
  static final class ConcurrentlyApplied extends IllegalStateException {
    ConcurrentlyApplied(int count) {
      super(count + " message(s) of the batch were applied concurrently");
    }
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
