package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.Topics;
import ai.iceos.scheduler.run.Transition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The transactional outbox: what a transition sends is written in the transition's own transaction,
 * and deleted only after Kafka acknowledged it.
 */
@ApplicationScoped
public class OutboxStore {
  private final Pool pool;

  OutboxStore(Pool pool) {
    this.pool = pool;
  }

  /** Events first (keyed by execution id), then tasks (keyed by task id), each in order. */
  Uni<Void> append(SqlConnection connection, Transition transition) {
    List<Tuple> rows = new ArrayList<>();
    transition
        .events()
        .forEach(e -> rows.add(Tuple.of(Topics.RUN_EVENTS, e.executionId(), StoreJson.write(e))));
    transition
        .tasks()
        .forEach(t -> rows.add(Tuple.of(Topics.NODE_TASKS, t.taskId(), StoreJson.write(t))));
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return connection
        .preparedQuery(
            "INSERT INTO scheduler.outbox (topic, record_key, payload) VALUES ($1, $2, $3::text::json)")
        .executeBatch(rows)
        .replaceWithVoid();
  }

  /** The oldest rows written at least {@code minAge} ago, in id order. */
  public Uni<List<OutboxRow>> pending(Duration minAge, int limit) {
    return pool.preparedQuery(
            "SELECT id, topic, record_key, payload::text AS payload FROM scheduler.outbox"
                + " WHERE created_at <= clock_timestamp() - ($1::bigint * interval '1 millisecond')"
                + " ORDER BY id LIMIT $2")
        .execute(Tuple.of(minAge.toMillis(), (long) limit))
        .map(
            rows ->
                StreamSupport.stream(rows.spliterator(), false).map(OutboxStore::toRow).toList());
  }

  public Uni<Void> delete(List<Long> ids) {
    return pool.preparedQuery("DELETE FROM scheduler.outbox WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .replaceWithVoid();
  }

  private static OutboxRow toRow(Row row) {
    return new OutboxRow(
        row.getLong("id"),
        row.getString("topic"),
        row.getString("record_key"),
        row.getString("payload"));
  }
}
