package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.ExecutionViewProjector;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Executions and their event logs; each method is one transaction. */
@ApplicationScoped
public class ExecutionStore {
  private static final String COLUMNS =
      "id, org_id, blueprint_id, revision, version_lock, inputs::text as inputs,"
          + " options::text as options, view::text as view";
  private static final String INSERT =
      "insert into blueprint.execution (id, org_id, blueprint_id, revision, version_lock, status,"
          + " inputs, options, view, idempotency_key, created_at, start_requested_at)"
          + " values ($1, $2, $3, $4, $5, 'pending', ($6::text)::jsonb, ($7::text)::jsonb,"
          + " ($8::text)::jsonb, $9, $10, $10)"
          + " on conflict (org_id, idempotency_key) do nothing returning id";
  private static final String INSERT_EVENT =
      "insert into blueprint.run_event (execution_id, sequence, message_id, event_type, node_id,"
          + " data, timestamp) values ($1, $2, $3, $4, $5, ($6::text)::jsonb, $7)"
          + " on conflict (execution_id, sequence) do nothing";
  private static final String LOCK =
      "select view::text as view, last_sequence from blueprint.execution where id = $1 for update";
  private static final String UNAPPLIED =
      "select sequence, message_id, event_type, node_id, data::text as data, timestamp"
          + " from blueprint.run_event where execution_id = $1 and sequence > $2"
          + " order by sequence";
  private static final String SAVE_VIEW =
      "update blueprint.execution set view = ($2::text)::jsonb, status = $3, last_sequence = $4,"
          + " started_at = $5, finished_at = $6 where id = $1";

  private final Pool pool;
  private final InstantSource clock;

  ExecutionStore(Pool pool, InstantSource clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * Stores a new pending execution, unless the org already has one with the same idempotency key:
   * then that one is returned instead.
   */
  public Uni<StoredExecution> create(StoredExecution execution, String idempotencyKey) {
    ExecutionView view = execution.view();
    List<Object> values =
        Arrays.asList(
            execution.id(),
            execution.orgId(),
            execution.blueprintId(),
            execution.revision(),
            execution.versionLock(),
            JsonColumns.write(execution.inputs()),
            JsonColumns.write(execution.options()),
            JsonColumns.write(view),
            idempotencyKey,
            JsonColumns.at(view.createdAt()));
    return pool.preparedQuery(INSERT)
        .execute(Tuple.tuple(values))
        .chain(
            rows ->
                rows.rowCount() > 0
                    ? Uni.createFrom().item(execution)
                    : byIdempotencyKey(execution.orgId(), idempotencyKey)
                        .map(Optional::orElseThrow));
  }

  public Uni<Optional<StoredExecution>> byIdempotencyKey(String orgId, String key) {
    return pool.preparedQuery(
            "select "
                + COLUMNS
                + " from blueprint.execution"
                + " where org_id = $1 and idempotency_key = $2")
        .execute(Tuple.of(orgId, key))
        .map(ExecutionStore::first);
  }

  public Uni<Optional<StoredExecution>> find(String orgId, UUID id) {
    return pool.preparedQuery(
            "select " + COLUMNS + " from blueprint.execution where id = $1 and org_id = $2")
        .execute(Tuple.of(id, orgId))
        .map(ExecutionStore::first);
  }

  /** Executions with no event applied whose last StartRun is older than {@code age}. */
  public Uni<List<StoredExecution>> overdue(Duration age, int limit) {
    return pool.preparedQuery(
            "select "
                + COLUMNS
                + " from blueprint.execution where status = 'pending'"
                + " and last_sequence = 0 and start_requested_at < $1 order by start_requested_at"
                + " limit $2")
        .execute(Tuple.of(JsonColumns.at(clock.instant().minus(age)), limit))
        .map(
            rows -> {
              List<StoredExecution> all = new ArrayList<>();
              rows.forEach(row -> all.add(toRecord(row)));
              return all;
            });
  }

  /** Records that a StartRun was (re-)sent now. */
  public Uni<Void> startRequested(UUID id) {
    return pool.preparedQuery(
            "update blueprint.execution set start_requested_at = $2 where id = $1")
        .execute(Tuple.of(id, JsonColumns.at(clock.instant())))
        .replaceWithVoid();
  }

  /**
   * Stores the event (a duplicate is ignored) and folds every stored event that is next in sequence
   * into the view, so an event that arrives early waits for the gap to fill.
   *
   * @return the view after this call, or empty when the execution is unknown
   */
  public Uni<Optional<ExecutionView>> append(RunEvent event) {
    UUID id;
    try {
      id = UUID.fromString(event.executionId());
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().item(Optional.empty());
    }
    return pool.withTransaction(
        connection ->
            insertEvent(connection, id, event)
                .chain(() -> connection.preparedQuery(LOCK).execute(Tuple.of(id)))
                .chain(rows -> fold(connection, id, rows)));
  }

  private static Uni<RowSet<Row>> insertEvent(SqlConnection connection, UUID id, RunEvent e) {
    List<Object> values =
        Arrays.asList(
            id,
            e.sequence(),
            e.messageId(),
            e.eventType().wireName(),
            e.nodeId(),
            JsonColumns.write(e.data()),
            JsonColumns.at(e.timestamp()));
    return connection.preparedQuery(INSERT_EVENT).execute(Tuple.tuple(values));
  }

  private static Uni<Optional<ExecutionView>> fold(
      SqlConnection connection, UUID id, RowSet<Row> locked) {
    if (!locked.iterator().hasNext()) {
      return Uni.createFrom().item(Optional.empty());
    }
    Row row = locked.iterator().next();
    ExecutionView before = JsonColumns.read(row.getString("view"), ExecutionView.class);
    long applied = row.getLong("last_sequence");
    return connection
        .preparedQuery(UNAPPLIED)
        .execute(Tuple.of(id, applied))
        .chain(events -> save(connection, id, before, applied, events));
  }

  private static Uni<Optional<ExecutionView>> save(
      SqlConnection connection, UUID id, ExecutionView before, long applied, RowSet<Row> events) {
    ExecutionView view = before;
    long last = applied;
    for (Row row : events) {
      if (row.getLong("sequence") != last + 1) {
        break;
      }
      view = ExecutionViewProjector.apply(view, toEvent(id, row));
      last++;
    }
    if (last == applied) {
      return Uni.createFrom().item(Optional.of(before));
    }
    ExecutionView after = view;
    List<Object> values =
        Arrays.asList(
            id,
            JsonColumns.write(after),
            after.status().wireName(),
            last,
            JsonColumns.at(after.startedAt()),
            JsonColumns.at(after.finishedAt()));
    return connection
        .preparedQuery(SAVE_VIEW)
        .execute(Tuple.tuple(values))
        .replaceWith(Optional.of(after));
  }

  private static RunEvent toEvent(UUID id, Row row) {
    return new RunEvent(
        row.getUUID("message_id"),
        id.toString(),
        row.getLong("sequence"),
        RunEventType.fromWireName(row.getString("event_type")),
        row.getString("node_id"),
        JsonColumns.tree(row.getString("data")),
        JsonColumns.instant(row.getOffsetDateTime("timestamp")));
  }

  private static Optional<StoredExecution> first(RowSet<Row> rows) {
    return rows.iterator().hasNext()
        ? Optional.of(toRecord(rows.iterator().next()))
        : Optional.empty();
  }

  private static StoredExecution toRecord(Row row) {
    return new StoredExecution(
        row.getUUID("id"),
        row.getString("org_id"),
        row.getUUID("blueprint_id"),
        row.getLong("revision"),
        row.getString("version_lock"),
        JsonColumns.tree(row.getString("inputs")),
        JsonColumns.read(row.getString("options"), RunOptions.class),
        JsonColumns.read(row.getString("view"), ExecutionView.class));
  }
}
