package ai.iceos.blueprint.store;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The statements on {@code run_event} rows of the projection (decision 0123). */
final class RunEventRows {
  /**
   * Every event of the batch in one statement, in sequence order; insert-if-absent, so that a
   * concurrent copy of an event waits for the first transaction instead of failing it.
   */
  private static final String INSERT =
      "insert into blueprint.run_event (execution_id, sequence, message_id, event_type, node_id,"
          + " data, timestamp) select $1, e.sequence, e.message_id, e.event_type, e.node_id,"
          + " cast(e.data as jsonb), e.timestamp from unnest(cast($2 as bigint[]),"
          + " cast($3 as uuid[]), cast($4 as text[]), cast($5 as text[]), cast($6 as text[]),"
          + " cast($7 as timestamptz[])) with ordinality"
          + " as e(sequence, message_id, event_type, node_id, data, timestamp, n) order by e.n"
          + " on conflict (execution_id, sequence) do nothing";

  private static final String INSERT_AND_LOCK =
      "with inserted as (" + INSERT + ") " + ExecutionRows.lock(8);

  /**
   * The stored events after the last applied one that are not copies of the batch's own messages:
   * events that arrived early in an earlier batch, and any sequence stored with other content. Sent
   * after the row lock, so it sees every event committed before the lock was granted.
   */
  private static final String STORED_AFTER_APPLIED =
      "select r.sequence, r.message_id, r.event_type, r.node_id, cast(r.data as text), r.timestamp"
          + " from blueprint.run_event r where r.execution_id = $1 and r.sequence >"
          + " (select e.last_sequence from blueprint.execution e where e.id = $1)"
          + " and r.message_id <> all(cast($2 as uuid[])) order by r.sequence";

  private RunEventRows() {}

  /** The execution id of an event, empty when it is not a UUID (no execution has it). */
  static Optional<UUID> executionId(RunEvent event) {
    try {
      return Optional.of(UUID.fromString(event.executionId()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Stores the events (sorted by sequence, one per sequence) of one execution and then locks its
   * row, in one statement: the row as {@link ExecutionRows#LOCK} reads it, none when unknown.
   *
   * @param known the {@code last_sequence} whose view the caller has, or -1
   */
  static Uni<RowSet<Row>> insertAndLock(
      SqlConnection connection, UUID id, Collection<RunEvent> events, long known) {
    int n = events.size();
    Long[] sequences = new Long[n];
    UUID[] messageIds = new UUID[n];
    String[] types = new String[n];
    String[] nodeIds = new String[n];
    String[] data = new String[n];
    OffsetDateTime[] timestamps = new OffsetDateTime[n];
    int i = 0;
    for (RunEvent event : events) {
      sequences[i] = event.sequence();
      messageIds[i] = event.messageId();
      types[i] = event.eventType().wireName();
      nodeIds[i] = event.nodeId();
      data[i] = JsonColumns.write(event.data());
      timestamps[i] = JsonColumns.at(event.timestamp());
      i++;
    }
    return connection
        .preparedQuery(INSERT_AND_LOCK)
        .execute(
            Tuple.tuple(
                List.of(id, sequences, messageIds, types, nodeIds, data, timestamps, known)));
  }

  /** See {@link #STORED_AFTER_APPLIED}; by sequence. */
  static Uni<Map<Long, RunEvent>> storedAfterApplied(
      SqlConnection connection, UUID id, Collection<RunEvent> batch) {
    UUID[] messageIds = batch.stream().map(RunEvent::messageId).toArray(UUID[]::new);
    return connection
        .preparedQuery(STORED_AFTER_APPLIED)
        .execute(Tuple.of(id, messageIds))
        .map(rows -> bySequence(id, rows));
  }

  private static Map<Long, RunEvent> bySequence(UUID id, RowSet<Row> rows) {
    Map<Long, RunEvent> events = new HashMap<>();
    for (Row row : rows) {
      RunEvent event =
          new RunEvent(
              row.getUUID(1),
              id.toString(),
              row.getLong(0),
              RunEventType.fromWireName(row.getString(2)),
              row.getString(3),
              JsonColumns.tree(row.getString(4)),
              row.getOffsetDateTime(5).toInstant());
      events.put(event.sequence(), event);
    }
    return events;
  }
}
