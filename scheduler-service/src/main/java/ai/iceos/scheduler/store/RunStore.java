package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.scheduler.SchedulerConfig;
import ai.iceos.scheduler.run.RunState;
import ai.iceos.scheduler.run.RunStatus;
import ai.iceos.scheduler.run.RunTransitions;
import ai.iceos.scheduler.run.Transition;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * Applies inputs to stored runs, one transaction each: the message id goes into the ledger, the new
 * state replaces the old one (optimistic version check) and what the transition sends goes into the
 * outbox, all or nothing. Each method answers whether anything was written to the outbox.
 */
@ApplicationScoped
public class RunStore {
  private final Pool pool;
  private final AppliedMessageLedger ledger;
  private final OutboxStore outbox;
  private final InstantSource clock;
  private final SchedulerConfig config;

  RunStore(
      Pool pool,
      AppliedMessageLedger ledger,
      OutboxStore outbox,
      InstantSource clock,
      SchedulerConfig config) {
    this.pool = pool;
    this.ledger = ledger;
    this.outbox = outbox;
    this.clock = clock;
    this.config = config;
  }

  /** Creates the execution, unless one with this id exists already (then a no-op). */
  public Uni<Boolean> start(StartRun command) {
    return inTransaction(
        connection ->
            ledger
                .recordFirst(connection, command.messageId())
                .chain(first -> first ? insert(connection, command) : Uni.createFrom().nullItem()));
  }

  public Uni<Boolean> cancel(CancelRun command) {
    return applyOnce(
        command.messageId(),
        command.executionId(),
        state -> RunTransitions.cancel(state, command, clock.instant()));
  }

  public Uni<Boolean> apply(NodeOutcome outcome) {
    return applyOnce(
        outcome.messageId(),
        outcome.executionId(),
        state -> RunTransitions.apply(state, outcome, clock.instant()));
  }

  /** Ids of running executions with a retry due now, earliest first. */
  public Uni<List<String>> withDueRetries() {
    return pool.preparedQuery(
            "SELECT execution_id FROM scheduler.run WHERE next_retry_at <= $1"
                + " ORDER BY next_retry_at LIMIT $2")
        .execute(Tuple.of(timestamp(clock.instant()), (long) config.retries().batchSize()))
        .map(
            rows ->
                StreamSupport.stream(rows.spliterator(), false)
                    .map(row -> row.getString("execution_id"))
                    .toList());
  }

  public Uni<Boolean> fireDueRetries(String executionId) {
    return inTransaction(
        connection ->
            update(
                connection,
                executionId,
                state -> RunTransitions.fireDueRetries(state, clock.instant())));
  }

  private Uni<Boolean> applyOnce(
      UUID messageId, String executionId, Function<RunState, Transition> change) {
    return inTransaction(
        connection ->
            ledger
                .recordFirst(connection, messageId)
                .chain(
                    first ->
                        first
                            ? update(connection, executionId, change)
                            : Uni.createFrom().nullItem()));
  }

  /**
   * Runs one unit of work in a transaction, again from the start when it fails: a version conflict
   * or a lost connection rolls everything back, so a retry is safe.
   */
  private Uni<Boolean> inTransaction(Function<SqlConnection, Uni<StatusChange>> work) {
    return Uni.createFrom()
        .deferred(() -> pool.withTransaction(work))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(20), Duration.ofSeconds(1))
        .atMost(config.maxTransactionAttempts() - 1L)
        .invoke(StatusChange::log)
        .map(change -> change != null);
  }

  private Uni<StatusChange> insert(SqlConnection connection, StartRun command) {
    Transition transition = RunTransitions.start(command, clock.instant());
    RunState state = transition.state();
    return connection
        .preparedQuery(
            "INSERT INTO scheduler.run"
                + " (execution_id, org_id, blueprint_id, status, state, version, next_retry_at)"
                + " VALUES ($1, $2, $3, $4, $5::text::json, 0, $6)"
                + " ON CONFLICT (execution_id) DO NOTHING")
        .execute(
            Tuple.from(
                new Object[] {
                  state.executionId(),
                  state.orgId(),
                  state.blueprintId(),
                  state.status().wireName(),
                  StoreJson.write(state),
                  nextRetryAt(state)
                }))
        .chain(
            result ->
                result.rowCount() == 0
                    ? Uni.createFrom().nullItem()
                    : outbox
                        .append(connection, transition)
                        .replaceWith(new StatusChange(state.executionId(), null, state.status())));
  }

  private Uni<StatusChange> update(
      SqlConnection connection, String executionId, Function<RunState, Transition> change) {
    return connection
        .preparedQuery(
            "SELECT state::text AS state, version FROM scheduler.run WHERE execution_id = $1")
        .execute(Tuple.of(executionId))
        .chain(
            rows -> {
              if (rows.size() == 0) {
                Log.debugf("No execution %s; message ignored", executionId);
                return Uni.createFrom().nullItem();
              }
              Row row = rows.iterator().next();
              RunState before = StoreJson.read(row.getString("state"), RunState.class);
              Transition transition = change.apply(before);
              if (!transition.changed()) {
                return Uni.createFrom().nullItem();
              }
              return save(connection, row.getLong("version"), transition)
                  .replaceWith(
                      new StatusChange(executionId, before.status(), transition.state().status()));
            });
  }

  private Uni<Void> save(SqlConnection connection, long version, Transition transition) {
    RunState state = transition.state();
    return connection
        .preparedQuery(
            "UPDATE scheduler.run SET state = $2::text::json, status = $3, next_retry_at = $4,"
                + " version = version + 1, updated_at = now()"
                + " WHERE execution_id = $1 AND version = $5")
        .execute(
            Tuple.of(
                state.executionId(),
                StoreJson.write(state),
                state.status().wireName(),
                nextRetryAt(state),
                version))
        .chain(
            result -> {
              if (result.rowCount() == 0) {
                return Uni.createFrom().failure(new StaleRunVersionException(state.executionId()));
              }
              return outbox.append(connection, transition);
            });
  }

  private static OffsetDateTime nextRetryAt(RunState state) {
    return state.nextRetryAt().map(RunStore::timestamp).orElse(null);
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A stored change of an execution, for the one INFO line per run status change. */
  private record StatusChange(String executionId, RunStatus before, RunStatus after) {
    static void log(StatusChange change) {
      if (change != null && change.before() != change.after()) {
        Log.infof("Execution %s is %s", change.executionId(), change.after().wireName());
      }
    }
  }
}
