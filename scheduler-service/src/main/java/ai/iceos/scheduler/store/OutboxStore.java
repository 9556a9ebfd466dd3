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

  /** The most rows one insert statement writes. */
  private static final int ROWS_PER_INSERT = 500;

  /**
   * Per transition, in order: events first (keyed by execution id), then tasks (keyed by task id),
   * then task cancellations (keyed by execution id), then run commands to child executions (keyed
   * by the child's id), then a child's report to its parent (keyed by the parent's id), each in
   * order, all with the caller's trace context. Runs in the caller's transaction, as multi-row
   * inserts; the ids (bigserial) follow this order.
   */
  Uni<Void> append(List<Transition> transitions, String traceparent) {
    List<OutboxEntity> rows = new ArrayList<>();
    transitions.forEach(transition -> rows.addAll(rowsOf(transition, traceparent)));
    Uni<Void> inserted = Uni.createFrom().voidItem();
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<OutboxEntity> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      inserted = inserted.chain(() -> insert(chunk, traceparent));
    }
    return inserted;
  }

  private static Uni<Void> insert(List<OutboxEntity> rows, String traceparent) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO scheduler.outbox (topic, record_key, payload, traceparent) VALUES ");
    String trace = traceparent == null ? "NULL" : ":traceparent";
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("(:t")
          .append(i)
          .append(", :k")
          .append(i)
          .append(", cast(cast(:p")
          .append(i)
          .append(" as text) as json), ")
          .append(trace)
          .append(')');
    }
    return Panache.getSession()
        .chain(
            session -> {
              var query = session.createNativeQuery(sql.toString());
              for (int i = 0; i < rows.size(); i++) {
                OutboxEntity row = rows.get(i);
                query
                    .setParameter("t" + i, row.topic)
                    .setParameter("k" + i, row.recordKey)
                    .setParameter("p" + i, row.payload);
              }
              if (traceparent != null) {
                query.setParameter("traceparent", traceparent);
              }
              return query.executeUpdate();
            })
        .replaceWithVoid();
  }

  private static List<OutboxEntity> rowsOf(Transition transition, String traceparent) {
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
    return rows;
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
