package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.ExecutionView;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statements on {@code execution} rows that the hot paths run on the reactive pool (decision
 * 0123), with the tuples they take. The columns hold what {@link ExecutionEntity} maps.
 */
final class ExecutionRows {
  private static final String COLUMNS =
      "insert into blueprint.execution (id, org_id, blueprint_id, revision, version_lock, status,"
          + " inputs, options, view, idempotency_key, last_sequence, start_requested_at,"
          + " created_at) values ($1, $2, $3, ";

  private static final String VALUES =
      ", $5, $6, cast(cast($7 as text) as jsonb), cast(cast($8 as text) as jsonb),"
          + " cast(cast($9 as text) as jsonb), $10, 0, $11, $11) on conflict do nothing";

  /** A new pending execution; nothing when the org already has one with the idempotency key. */
  static final String INSERT = COLUMNS + "$4" + VALUES;

  /**
   * A child execution; its revision is the stored revision with its version lock ($5), 0 when that
   * is gone. Nothing when the row exists already.
   */
  static final String INSERT_CHILD =
      COLUMNS
          + "coalesce((select v.revision from blueprint.blueprint_version v"
          + " where v.blueprint_id = $3 and v.version_lock = $5), $4)"
          + VALUES;

  /**
   * Locks the row; the view is read only when its {@code last_sequence} is not $2 (the one whose
   * view the caller has).
   */
  static final String LOCK = lock(2);

  static final String FOLD =
      "update blueprint.execution set " + foldedColumns(2) + ", events_ahead = $7 where id = $1";

  private ExecutionRows() {}

  /** {@link #LOCK} with the caller's {@code last_sequence} as parameter {@code $n}. */
  static String lock(int n) {
    return "select last_sequence, case when last_sequence = $"
        + n
        + " then null else cast(view as text) end, blueprint_id, revision, events_ahead"
        + " from blueprint.execution where id = $1 for update";
  }

  /**
   * The columns a fold sets, from parameter {@code $n} on: view, status, {@code last_sequence},
   * {@code started_at}, {@code finished_at} (the values {@link #folded} lists).
   */
  static String foldedColumns(int n) {
    return "view = cast(cast($"
        + n
        + " as text) as jsonb), status = $"
        + (n + 1)
        + ", last_sequence = $"
        + (n + 2)
        + ", started_at = $"
        + (n + 3)
        + ", finished_at = $"
        + (n + 4);
  }

  /** The values of {@link #foldedColumns}, in order. */
  static List<Object> folded(ExecutionView view, long lastSequence) {
    return Arrays.asList(
        JsonColumns.write(view),
        view.status().wireName(),
        lastSequence,
        JsonColumns.at(view.startedAt()),
        JsonColumns.at(view.finishedAt()));
  }

  static Tuple pending(StoredExecution execution, String idempotencyKey) {
    return Tuple.tuple(
        Arrays.asList(
            execution.id(),
            execution.orgId(),
            execution.blueprintId(),
            execution.revision(),
            execution.versionLock(),
            ExecutionStatus.PENDING.wireName(),
            JsonColumns.write(execution.inputs()),
            JsonColumns.write(execution.options()),
            JsonColumns.write(execution.view()),
            idempotencyKey,
            JsonColumns.at(execution.view().createdAt())));
  }

  static Tuple fold(UUID id, ExecutionView view, long lastSequence, boolean eventsAhead) {
    List<Object> values = new ArrayList<>();
    values.add(id);
    values.addAll(folded(view, lastSequence));
    values.add(eventsAhead);
    return Tuple.tuple(values);
  }
}
