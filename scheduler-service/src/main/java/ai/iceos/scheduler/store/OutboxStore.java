package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.Topics;
import ai.iceos.scheduler.run.Transition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The transactional outbox: what a transition sends is written in the transition's own transaction
 * ({@link RunTable}), and deleted only after Kafka acknowledged it.
 */
@ApplicationScoped
public class OutboxStore {
  private static final String COLUMNS =
      "SELECT id, topic, record_key, cast(payload AS text) AS payload, traceparent"
          + " FROM scheduler.outbox";

  private final Pool pool;
  private final InstantSource clock;

  OutboxStore(Pool pool, InstantSource clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * Per transition, in order: events first (keyed by execution id), then tasks (keyed by task id),
   * then task cancellations (keyed by execution id), then run commands to child executions (keyed
   * by the child's id), then a child's report to its parent (keyed by the parent's id), each in
   * order, all with the caller's trace context. The rows have no id yet; the insert draws them in
   * this order.
   */
  static List<OutboxRow> rowsOf(List<Transition> transitions, String traceparent) {
    List<OutboxRow> rows = new ArrayList<>();
    for (Transition transition : transitions) {
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
    }
    return rows;
  }

  /** The rows with the ids the insert drew for them, in the same order. */
  static List<OutboxRow> withIds(List<OutboxRow> rows, List<Long> ids) {
    if (ids.size() != rows.size()) {
      throw new IllegalStateException(ids.size() + " outbox ids for " + rows.size() + " rows");
    }
    List<OutboxRow> stored = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      OutboxRow row = rows.get(i);
      stored.add(
          new OutboxRow(ids.get(i), row.topic(), row.key(), row.payload(), row.traceparent()));
    }
    return stored;
  }

  private static OutboxRow row(String topic, String key, Object message, String traceparent) {
    return new OutboxRow(0, topic, key, StoreJson.write(message), traceparent);
  }

  /**
   * The oldest rows after {@code afterId} written at least {@code minAge} ago, in id order. A zero
   * age takes every row, whatever the clocks say, so a just-committed row is always among them.
   */
  public Uni<List<OutboxRow>> pending(Duration minAge, long afterId, int limit) {
    var query =
        minAge.isZero()
            ? pool.preparedQuery(COLUMNS + " WHERE id > $1 ORDER BY id LIMIT $2")
                .execute(Tuple.of(afterId, limit))
            : pool.preparedQuery(
                    COLUMNS + " WHERE id > $1 AND created_at <= $2 ORDER BY id LIMIT $3")
                .execute(
                    Tuple.of(afterId, RunTable.timestamp(clock.instant().minus(minAge)), limit));
    return query.map(
        rows -> StreamSupport.stream(rows.spliterator(), false).map(OutboxStore::toRow).toList());
  }

  /** One statement, its own transaction. */
  public Uni<Void> delete(List<Long> ids) {
    return pool.preparedQuery("DELETE FROM scheduler.outbox WHERE id = ANY($1::bigint[])")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .replaceWithVoid();
  }

  private static OutboxRow toRow(Row row) {
    return new OutboxRow(
        row.getLong("id"),
        row.getString("topic"),
        row.getString("record_key"),
        row.getString("payload"),
        row.getString("traceparent"));
  }
}
