package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.Topics;
import ai.iceos.scheduler.run.Transition;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactional outbox: what a transition sends is written in the transition's own transaction,
 * and deleted only after Kafka acknowledged it.
 */
@ApplicationScoped
public class OutboxStore {
  private final Sessions sessions;
  private final InstantSource clock;

  OutboxStore(Sessions sessions, InstantSource clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Events first (keyed by execution id), then tasks (keyed by task id), then task cancellations
   * (keyed by execution id), then run commands to child executions (keyed by the child's id), then
   * a child's report to its parent (keyed by the parent's id), each in order, all with the caller's
   * trace context. Runs in the caller's transaction; each persist inserts at once (identity id), so
   * ids follow this order.
   */
  Uni<Void> append(Transition transition, String traceparent) {
    List<OutboxEntity> rows = new ArrayList<>();
    transition
        .events()
        .forEach(
            e ->
                rows.add(
                    OutboxEntity.of(
                        Topics.RUN_EVENTS, e.executionId(), StoreJson.write(e), traceparent)));
    transition
        .tasks()
        .forEach(
            t ->
                rows.add(
                    OutboxEntity.of(
                        Topics.NODE_TASKS, t.taskId(), StoreJson.write(t), traceparent)));
    transition
        .cancellations()
        .forEach(
            c ->
                rows.add(
                    OutboxEntity.of(
                        Topics.TASK_CANCELLATIONS,
                        c.executionId(),
                        StoreJson.write(c),
                        traceparent)));
    transition
        .commands()
        .forEach(
            c ->
                rows.add(
                    OutboxEntity.of(
                        Topics.RUN_COMMANDS, c.executionId(), StoreJson.write(c), traceparent)));
    transition
        .outcomes()
        .forEach(
            o ->
                rows.add(
                    OutboxEntity.of(
                        Topics.NODE_OUTCOMES, o.executionId(), StoreJson.write(o), traceparent)));
    return rows.isEmpty() ? Uni.createFrom().voidItem() : OutboxEntity.persist(rows);
  }

  /**
   * The oldest rows written at least {@code minAge} ago, in id order. A zero age takes every row,
   * whatever the clocks say, so a just-committed row is always among them.
   */
  public Uni<List<OutboxRow>> pending(Duration minAge, int limit) {
    return sessions
        .inSession(() -> oldest(minAge).page(0, limit).<OutboxEntity>list())
        .map(rows -> rows.stream().map(OutboxEntity::toRow).toList());
  }

  public Uni<Void> delete(List<Long> ids) {
    return sessions.inTransaction(() -> OutboxEntity.delete("id in ?1", ids)).replaceWithVoid();
  }

  private PanacheQuery<OutboxEntity> oldest(Duration minAge) {
    Sort byId = Sort.by("id");
    if (minAge.isZero()) {
      return OutboxEntity.findAll(byId);
    }
    var writtenBefore = OffsetDateTime.ofInstant(clock.instant().minus(minAge), ZoneOffset.UTC);
    return OutboxEntity.find("createdAt <= ?1", byId, writtenBefore);
  }
}
