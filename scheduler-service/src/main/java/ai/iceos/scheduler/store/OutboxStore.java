package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.Topics;
import ai.iceos.scheduler.run.Transition;
import io.quarkus.hibernate.reactive.panache.Panache;
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
   * trace context. Runs in the caller's transaction as one multi-row insert; ids follow this order.
   */
  Uni<List<OutboxRow>> append(Transition transition, String traceparent) {
    List<OutboxRow> rows = new ArrayList<>();
    transition
        .events()
        .forEach(e -> rows.add(row(Topics.RUN_EVENTS, e.executionId(), e, traceparent)));
    transition.tasks().forEach(t -> rows.add(row(Topics.NODE_TASKS, t.taskId(), t, traceparent)));
    transition
        .cancellations()
        .forEach(c -> rows.add(row(Topics.TASK_CANCELLATIONS, c.executionId(), c, traceparent)));
    transition
        .commands()
        .forEach(c -> rows.add(row(Topics.RUN_COMMANDS, c.executionId(), c, traceparent)));
    transition
        .outcomes()
        .forEach(o -> rows.add(row(Topics.NODE_OUTCOMES, o.executionId(), o, traceparent)));
    if (rows.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO scheduler.outbox (topic, record_key, payload, traceparent) VALUES ");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("(:topic")
          .append(i)
          .append(", :key")
          .append(i)
          .append(", cast(cast(:payload")
          .append(i)
          .append(" as text) as json), nullif(cast(:traceparent as text), ''))");
    }
    sql.append(" RETURNING id");
    return Panache.getSession()
        .chain(
            session -> {
              var insert = session.createNativeQuery(sql.toString(), Long.class);
              for (int i = 0; i < rows.size(); i++) {
                OutboxRow row = rows.get(i);
                insert.setParameter("topic" + i, row.topic());
                insert.setParameter("key" + i, row.key());
                insert.setParameter("payload" + i, row.payload());
              }
              insert.setParameter("traceparent", traceparent == null ? "" : traceparent);
              return insert.getResultList();
            })
        .map(
            unordered -> {
              // bigserial values are drawn in VALUES order
              List<Long> ids = unordered.stream().sorted().toList();
              List<OutboxRow> written = new ArrayList<>();
              for (int i = 0; i < rows.size(); i++) {
                OutboxRow row = rows.get(i);
                written.add(
                    new OutboxRow(ids.get(i), row.topic(), row.key(), row.payload(), traceparent));
              }
              return written;
            });
  }

  private static OutboxRow row(String topic, String key, Object message, String traceparent) {
    return new OutboxRow(0, topic, key, StoreJson.write(message), traceparent);
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
