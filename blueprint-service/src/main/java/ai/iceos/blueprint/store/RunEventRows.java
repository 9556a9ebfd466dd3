package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
   * Every event of the batch and the view they fold into, in one autocommitted statement (decision
   * 0124). The view is written only when the row is still at the {@code last_sequence} ($13) whose
   * view the caller folded them into, no stored event waits beyond it for a gap to fill, and every
   * event of the batch ($14 of them) was new, so that they are the stored ones. Otherwise nothing
   * but the new events is written and the caller folds in a transaction.
   */
  private static final String INSERT_AND_FOLD =
      "with inserted as ("
          + INSERT
          + " returning 1) update blueprint.execution set "
          + ExecutionRows.foldedColumns(8)
          + " where id = $1 and last_sequence = $13 and not events_ahead"
          + " and (select count(*) from inserted) = $14";

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
    List<Object> values = inserted(id, events);
    values.add(known);
    return connection.preparedQuery(INSERT_AND_LOCK).execute(Tuple.tuple(values));
  }

  /**
   * See {@link #INSERT_AND_FOLD}.
   *
   * @param events the events after {@code known}, one per sequence, in sequence order
   * @param view the view at {@code known} with {@code events} folded in
   * @return whether the view was written; false leaves only the new events stored
   */
  static Uni<Boolean> insertAndFold(
      Pool pool, UUID id, Collection<RunEvent> events, long known, ExecutionView view) {
    List<Object> values = inserted(id, events);
    values.addAll(ExecutionRows.folded(view, known + events.size()));
    values.add(known);
    values.add((long) events.size());
    return pool.preparedQuery(INSERT_AND_FOLD)
        .execute(Tuple.tuple(values))
        .map(rows -> rows.rowCount() == 1);
  }

  /** The parameters $1 to $7 of {@link #INSERT}. */
  private static List<Object> inserted(UUID id, Collection<RunEvent> events) {
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
    return new ArrayList<>(List.of(id, sequences, messageIds, types, nodeIds, data, timestamps));
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
