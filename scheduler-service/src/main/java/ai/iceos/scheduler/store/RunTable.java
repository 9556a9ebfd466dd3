package ai.iceos.scheduler.store;

import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.scheduler.run.RunState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The hot path's statements on {@code scheduler.run}, the ledger and the outbox, through the
 * reactive PostgreSQL client on the connection of the caller's transaction (decision 0119): the
 * ledger insert and the load of the run are one statement, the version-checked write of the run and
 * the outbox inserts another, so a transaction is BEGIN, two statements and COMMIT.
 */
final class RunTable {
  /**
   * Records the message ids and loads the run when at least one of them is new; its plan (stored
   * apart, decision 0150) only when $3 asks for it, i.e. when it is not in memory.
   */
  private static final String RECORD_AND_LOAD =
      "WITH fresh AS (INSERT INTO scheduler.applied_message (message_id)"
          + " SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING RETURNING message_id)"
          + " SELECT array(SELECT message_id FROM fresh) AS fresh, r.version,"
          + " cast(r.state AS text) AS state, r.plan IS NOT NULL AS plan_apart,"
          + " CASE WHEN $3::boolean THEN cast(r.plan AS text) END AS plan"
          + " FROM (SELECT 1) AS one LEFT JOIN scheduler.run r ON r.execution_id = $2"
          + " AND EXISTS (SELECT 1 FROM fresh)";

  private static final String LOAD =
      "SELECT version, cast(state AS text) AS state, plan IS NOT NULL AS plan_apart,"
          + " CASE WHEN $2::boolean THEN cast(plan AS text) END AS plan"
          + " FROM scheduler.run WHERE execution_id = $1";

  private static final String RECORD_AND_CHECK =
      "WITH fresh AS (INSERT INTO scheduler.applied_message (message_id) VALUES ($1)"
          + " ON CONFLICT DO NOTHING RETURNING 1)"
          + " SELECT EXISTS (SELECT 1 FROM fresh) AS fresh,"
          + " EXISTS (SELECT 1 FROM scheduler.run WHERE execution_id = $2) AS known";

  /**
   * The outbox rows of a write, in list order (ids are drawn in that order), as a CTE named {@code
   * written} returning the ids; its parameters are $1 to $4, only written when {@code guard} (a CTE
   * of the same statement) returned a row.
   */
  private static final String WRITE_OUTBOX =
      "written AS (INSERT INTO scheduler.outbox (topic, record_key, payload, traceparent)"
          + " SELECT o.topic, o.record_key, cast(o.payload AS json), $4::text"
          + " FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY"
          + " AS o(topic, record_key, payload, n) WHERE EXISTS (SELECT 1 FROM guard)"
          + " ORDER BY o.n RETURNING id)";

  /**
   * The ids of the outbox rows written, or, when {@code guard} wrote nothing (the run changed
   * meanwhile, or a start found it existing), a failure of the statement (SQLSTATE {@value
   * #VERSION_CONFLICT}), so that the COMMIT sent right behind it rolls back (decision 0120).
   */
  private static final String IDS_OR_CONFLICT =
      " SELECT CASE WHEN (SELECT count(*) FROM guard) = 1"
          + " THEN array(SELECT id FROM written ORDER BY id)"
          + " ELSE scheduler.version_conflict($9) END AS ids";

  /** Raised by {@code scheduler.version_conflict} (migration V4). */
  static final String VERSION_CONFLICT = "IC409";

  private static final String UPDATE =
      "WITH guard AS (UPDATE scheduler.run SET status = $5, state = cast($6::text AS json),"
          + " version = version + 1, next_retry_at = $7, updated_at = $8"
          + " WHERE execution_id = $9 AND version = $10 RETURNING version), "
          + WRITE_OUTBOX
          + IDS_OR_CONFLICT;

  /**
   * The write of a run from the state document this instance committed last (decision 0151): the
   * ledger insert of the message ids ($11, $12 of them) and the version-checked write in one
   * statement. It writes only when every id is new, the run still has the version the document was
   * committed as, and the plan is stored apart; otherwise it fails, and the COMMIT behind it rolls
   * the ledger rows back.
   */
  private static final String RECORD_AND_UPDATE =
      "WITH fresh AS (INSERT INTO scheduler.applied_message (message_id)"
          + " SELECT unnest($11::uuid[]) ON CONFLICT DO NOTHING RETURNING 1),"
          + " guard AS (UPDATE scheduler.run SET status = $5, state = cast($6::text AS json),"
          + " version = version + 1, next_retry_at = $7, updated_at = $8"
          + " WHERE execution_id = $9 AND version = $10 AND plan IS NOT NULL"
          + " AND (SELECT count(*) FROM fresh) = $12 RETURNING version), "
          + WRITE_OUTBOX
          + IDS_OR_CONFLICT;

  /**
   * The write of a run an earlier build stored with its plan inside the state: the plan moves to
   * its own column, and the state is written without it (decision 0150).
   */
  private static final String UPDATE_MOVING_PLAN =
      "WITH guard AS (UPDATE scheduler.run SET status = $5, state = cast($6::text AS json),"
          + " version = version + 1, next_retry_at = $7, updated_at = $8,"
          + " plan = cast($11::text AS json)"
          + " WHERE execution_id = $9 AND version = $10 RETURNING version), "
          + WRITE_OUTBOX
          + IDS_OR_CONFLICT;

  private static final String INSERT =
      "WITH guard AS (INSERT INTO scheduler.run"
          + " (execution_id, org_id, blueprint_id, status, state, version, next_retry_at,"
          + " updated_at, plan) VALUES ($9, $10, $11, $5, cast($6::text AS json), 0, $7, $8,"
          + " cast($12::text AS json))"
          + " ON CONFLICT (execution_id) DO NOTHING RETURNING version), "
          + WRITE_OUTBOX
          + IDS_OR_CONFLICT;

  private RunTable() {}

  /**
   * A run as loaded: its version (for the checked write), its state, and whether its plan is stored
   * apart (false for a run an earlier build stored with the plan inside the state).
   */
  record StoredRun(long version, RunState state, boolean planApart) {}

  /** The ids of a batch not applied before (in the given order) and the run, when it exists. */
  record Loaded(Set<UUID> fresh, StoredRun run) {}

  /**
   * Records {@code messageIds} in the ledger and loads the run when any of them is new. A
   * concurrent transaction recording one of them first makes this insert wait for it and then skip
   * the id (it is not among {@code fresh}). The stored plan is read only when {@code plan} (the
   * execution's plan in memory) is null.
   */
  static Uni<Loaded> recordAndLoad(
      SqlConnection connection, List<UUID> messageIds, String executionId, ExecutionPlan plan) {
    return connection
        .preparedQuery(RECORD_AND_LOAD)
        .execute(Tuple.of(messageIds.toArray(UUID[]::new), executionId, plan == null))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              Set<UUID> recorded = new LinkedHashSet<>(Arrays.asList(row.getArrayOfUUIDs("fresh")));
              Set<UUID> fresh = new LinkedHashSet<>();
              messageIds.stream().filter(recorded::contains).forEach(fresh::add);
              return new Loaded(
                  fresh, row.getValue("version") == null ? null : storedRun(row, plan));
            });
  }

  /** Loads the run, reading its stored plan only when {@code plan} (the one in memory) is null. */
  static Uni<StoredRun> load(SqlConnection connection, String executionId, ExecutionPlan plan) {
    return connection
        .preparedQuery(LOAD)
        .execute(Tuple.of(executionId, plan == null))
        .map(rows -> rows.size() == 0 ? null : storedRun(rows.iterator().next(), plan));
  }

  /** True when the start command is new and no run with its id exists yet. */
  static Uni<Boolean> recordStart(SqlConnection connection, UUID messageId, String executionId) {
    return connection
        .preparedQuery(RECORD_AND_CHECK)
        .execute(Tuple.of(messageId, executionId))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return row.getBoolean("fresh") && !row.getBoolean("known");
            });
  }

  /**
   * Replaces the run's state with {@code document} (that of {@code after}) if it still has {@code
   * before}'s version and writes the outbox rows, with the transaction's COMMIT sent right behind;
   * answers their ids. Fails with {@link VersionConflict} (nothing written, the transaction rolled
   * back) when another transaction changed the run meanwhile. {@code before} is the run as loaded:
   * when its plan was still inside its state (an earlier build's format), the plan is moved to its
   * own column.
   */
  static Uni<List<Long>> update(
      PipelinedTransaction.Tx tx,
      StoredRun before,
      RunState after,
      String document,
      Instant now,
      List<OutboxRow> rows,
      String traceparent) {
    Tuple params = changeParams(before, after, document, now, rows, traceparent);
    if (before.planApart()) {
      return write(tx, UPDATE, params, after.executionId());
    }
    params.addString(StoreJson.writePlan(after.plan()));
    return write(tx, UPDATE_MOVING_PLAN, params, after.executionId());
  }

  /**
   * Records {@code messageIds} in the ledger and, when every one of them is new and the run still
   * has {@code before}'s version, replaces its state with {@code document} (that of {@code after})
   * and writes the outbox rows, with the transaction's COMMIT sent right behind: one round trip.
   * {@code before} must have its plan stored apart. Fails with {@link VersionConflict} (nothing
   * written, the ledger rows rolled back) otherwise.
   */
  static Uni<List<Long>> recordAndUpdate(
      PipelinedTransaction.Tx tx,
      List<UUID> messageIds,
      StoredRun before,
      RunState after,
      String document,
      Instant now,
      List<OutboxRow> rows,
      String traceparent) {
    if (!before.planApart()) {
      throw new IllegalArgumentException("the run's plan is not stored apart");
    }
    Tuple params = changeParams(before, after, document, now, rows, traceparent);
    params.addArrayOfUUID(messageIds.toArray(UUID[]::new)).addInteger(messageIds.size());
    return write(tx, RECORD_AND_UPDATE, params, after.executionId());
  }

  /**
   * Inserts a new run and writes the outbox rows, with the transaction's COMMIT sent right behind;
   * answers their ids. Fails with {@link VersionConflict} (the transaction rolled back) when a run
   * with this id exists already (a concurrent start).
   */
  static Uni<List<Long>> insert(
      PipelinedTransaction.Tx tx,
      RunState state,
      String document,
      Instant now,
      List<OutboxRow> rows,
      String traceparent) {
    Tuple params = outboxParams(rows, traceparent);
    stateParams(params, state, document).addOffsetDateTime(timestamp(now));
    params.addString(state.executionId()).addString(state.orgId()).addString(state.blueprintId());
    params.addString(StoreJson.writePlan(state.plan()));
    return write(tx, INSERT, params, state.executionId());
  }

  private static Uni<List<Long>> write(
      PipelinedTransaction.Tx tx, String sql, Tuple params, String executionId) {
    return tx.commitBehind(tx.connection().preparedQuery(sql).execute(params))
        .onFailure(RunTable::isVersionConflict)
        .transform(failure -> new VersionConflict(executionId))
        .map(result -> List.of(result.iterator().next().getArrayOfLongs("ids")));
  }

  private static boolean isVersionConflict(Throwable failure) {
    return failure instanceof PgException pg && VERSION_CONFLICT.equals(pg.getSqlState());
  }

  private static Tuple outboxParams(List<OutboxRow> rows, String traceparent) {
    List<String> topics = new ArrayList<>(rows.size());
    List<String> keys = new ArrayList<>(rows.size());
    List<String> payloads = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      topics.add(row.topic());
      keys.add(row.key());
      payloads.add(row.payload());
    }
    return Tuple.of(
        topics.toArray(String[]::new),
        keys.toArray(String[]::new),
        payloads.toArray(String[]::new),
        traceparent);
  }

  /** $1 to $10 of a change of {@code before} into {@code after}. */
  private static Tuple changeParams(
      StoredRun before,
      RunState after,
      String document,
      Instant now,
      List<OutboxRow> rows,
      String traceparent) {
    Tuple params = outboxParams(rows, traceparent);
    stateParams(params, after, document).addOffsetDateTime(timestamp(now));
    return params.addString(after.executionId()).addLong(before.version());
  }

  private static Tuple stateParams(Tuple params, RunState state, String document) {
    return params
        .addString(state.status().wireName())
        .addString(document)
        .addOffsetDateTime(state.nextWakeAt().map(RunTable::timestamp).orElse(null));
  }

  /**
   * The loaded run with {@code plan}, or with the stored plan when {@code plan} is null; a state an
   * earlier build stored has its plan inside.
   */
  private static StoredRun storedRun(Row row, ExecutionPlan plan) {
    boolean apart = row.getBoolean("plan_apart");
    ExecutionPlan known = plan == null && apart ? StoreJson.readPlan(row.getString("plan")) : plan;
    RunState state = StoreJson.readState(row.getString("state"), apart ? known : null);
    return new StoredRun(row.getLong("version"), state, apart);
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
