package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.SubmitDecision;
import ai.iceos.scheduler.SchedulerConfig;
import ai.iceos.scheduler.run.RunState;
import ai.iceos.scheduler.run.RunStatus;
import ai.iceos.scheduler.run.RunTransitions;
import ai.iceos.scheduler.run.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies inputs to stored runs, one transaction each: the message id goes into the ledger, the new
 * state replaces the old one (optimistic version check) and what the transition sends goes into the
 * outbox, all or nothing. Each method answers whether anything was written to the outbox.
 *
 * <p>The hot path uses the reactive client on a connection of its own per transaction ({@link
 * RunTable}, decision 0119): no Hibernate session, so a unit can never join a transaction of other
 * work. One execution's units run one after the other in this instance ({@link PerExecution}), and
 * each hands its committed outbox rows to {@link CommittedRows} right after its commit, so they are
 * sent in commit order.
 *
 * <p>A message about a run this instance changed last starts from the state document it committed
 * ({@link StateCache}, decision 0151): the ledger insert and the version-checked write are then one
 * statement, and the transaction one round trip. When that write finds a message applied already or
 * the run changed meanwhile, it rolls back and the unit runs again the usual way.
 */
@ApplicationScoped
public class RunStore {
  /** The longest wait between two tries of a transaction that failed transiently. */
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final Sessions sessions;
  private final Pool pool;
  private final InstantSource clock;
  private final SchedulerConfig config;
  private final NodeOutputCache cache;
  private final CommittedRows committedRows;
  private final PlanCache plans;
  private final StateCache states;
  private final PerExecution order = new PerExecution();
  private final Counter committedFromMemory;
  private final Counter readAgainAfterMemory;

  RunStore(
      Sessions sessions,
      Pool pool,
      InstantSource clock,
      SchedulerConfig config,
      NodeOutputCache cache,
      CommittedRows committedRows,
      PlanCache plans,
      StateCache states,
      MeterRegistry meters) {
    this.committedFromMemory = units(meters, "memory");
    this.readAgainAfterMemory = units(meters, "memory-then-store");
    this.cache = cache;
    this.plans = plans;
    this.states = states;
    this.committedRows = committedRows;
    this.sessions = sessions;
    this.pool = pool;
    this.clock = clock;
    this.config = config;
  }

  /**
   * Units of work for new messages by how they found the run: in memory and committed that way, in
   * memory but run again from the store (decision 0151).
   */
  private static Counter units(MeterRegistry meters, String from) {
    return Counter.builder("iceos.scheduler.store.units")
        .description("Store transactions for new messages that started from the run in memory")
        .tag("from", from)
        .register(meters);
  }

  /** Creates the execution, unless one with this id exists already (then a no-op). */
  public Uni<Boolean> start(StartRun command) {
    String traceparent = TraceParent.current();
    return inTransaction(
        command.executionId(),
        tx ->
            RunTable.recordStart(tx.connection(), command.messageId(), command.executionId())
                .chain(
                    fresh ->
                        fresh ? insert(tx, command, traceparent) : Uni.createFrom().nullItem()));
  }

  public Uni<Boolean> cancel(CancelRun command) {
    return applyOnce(
        command.messageId(),
        command.executionId(),
        state -> RunTransitions.cancel(state, command, clock.instant()));
  }

  public Uni<Boolean> decide(SubmitDecision decision) {
    return applyOnce(
        decision.messageId(),
        decision.executionId(),
        state -> RunTransitions.decide(state, decision, clock.instant()));
  }

  public Uni<Boolean> resume(ResumeRun command) {
    return applyOnce(
        command.messageId(),
        command.executionId(),
        state -> RunTransitions.resume(state, command, clock.instant()));
  }

  public Uni<Boolean> retry(RetryRun command) {
    return applyOnce(
        command.messageId(),
        command.executionId(),
        state -> RunTransitions.retry(state, command, clock.instant()));
  }

  public Uni<Boolean> apply(NodeOutcome outcome) {
    return applyOnce(
        outcome.messageId(),
        outcome.executionId(),
        state -> RunTransitions.apply(state, outcome, clock.instant()));
  }

  /**
   * Applies outcomes of one execution, in order, in one transaction: each is applied at most once
   * (a redelivered one, or a repeat within the list, changes nothing), and the run is read and
   * written once for all of them. Fails as a whole; the caller may then apply them one by one.
   */
  public Uni<Boolean> applyAll(String executionId, List<NodeOutcome> outcomes) {
    String traceparent = TraceParent.current();
    List<UUID> ids = outcomes.stream().map(NodeOutcome::messageId).toList();
    List<Function<RunState, Transition>> changes = new ArrayList<>();
    for (NodeOutcome outcome : outcomes) {
      changes.add(state -> RunTransitions.apply(state, outcome, clock.instant()));
    }
    return applyNew(executionId, ids, changes, traceparent);
  }

  /**
   * Ids of running executions due for the timer now (a retry, an attempt's deadline, the run's
   * timeout), earliest first.
   */
  public Uni<List<String>> withDueRetries() {
    var now = RunEntity.timestamp(clock.instant());
    return sessions.inSession(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createSelectionQuery(
                                "select executionId from RunEntity where nextRetryAt <= ?1"
                                    + " order by nextRetryAt",
                                String.class)
                            .setParameter(1, now)
                            .setMaxResults(config.retries().batchSize())
                            .getResultList()));
  }

  /** Ids of every running or paused execution, for the start-up re-send of queued tasks. */
  public Uni<List<String>> running() {
    return sessions.inSession(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createSelectionQuery(
                                "select executionId from RunEntity where status in (?1, ?2)"
                                    + " order by executionId",
                                String.class)
                            .setParameter(1, RunStatus.RUNNING.wireName())
                            .setParameter(2, RunStatus.PAUSED.wireName())
                            .getResultList()));
  }

  /**
   * Ids of running executions unchanged for at least {@code unchangedFor}, least recently changed
   * first: candidates for a re-send of tasks lost before a worker took them.
   */
  public Uni<List<String>> runningUnchangedFor(Duration unchangedFor) {
    var before = RunEntity.timestamp(clock.instant().minus(unchangedFor));
    return sessions.inSession(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createSelectionQuery(
                                "select executionId from RunEntity where status = ?1"
                                    + " and updatedAt <= ?2 order by updatedAt",
                                String.class)
                            .setParameter(1, RunStatus.RUNNING.wireName())
                            .setParameter(2, before)
                            .setMaxResults(config.resend().batchSize())
                            .getResultList()));
  }

  public Uni<Boolean> resendQueued(String executionId) {
    return loadAndApply(
        executionId,
        state -> RunTransitions.resendQueued(state, clock.instant()),
        TraceParent.current());
  }

  public Uni<Boolean> fireDueRetries(String executionId) {
    return loadAndApply(
        executionId,
        state -> RunTransitions.fireDueRetries(state, clock.instant()),
        TraceParent.current());
  }

  private Uni<Boolean> loadAndApply(
      String executionId, Function<RunState, Transition> change, String traceparent) {
    return inTransaction(
        executionId,
        tx ->
            RunTable.load(tx.connection(), executionId, plans.get(executionId))
                .chain(
                    run ->
                        run == null
                            ? Uni.createFrom().<Written>nullItem()
                            : update(tx, executionId, run, List.of(change), traceparent, null)));
  }

  /** The caller's trace context is read here, on the caller's thread, before any hop. */
  private Uni<Boolean> applyOnce(
      UUID messageId, String executionId, Function<RunState, Transition> change) {
    return applyNew(executionId, List.of(messageId), List.of(change), TraceParent.current());
  }

  /**
   * Records the message ids in the ledger and, for those not applied before (a repeat within the
   * list counts once), applies their changes in order to the run: one statement for the ledger and
   * the load, one for the write.
   */
  private Uni<Boolean> applyNew(
      String executionId,
      List<UUID> ids,
      List<Function<RunState, Transition>> changes,
      String traceparent) {
    return inTransaction(
        executionId,
        run ->
            tx ->
                new HashSet<>(ids).size() < ids.size()
                    ? Uni.createFrom().failure(new NotFromMemory("a message id repeats"))
                    : update(tx, executionId, run, changes, traceparent, ids),
        tx ->
            RunTable.recordAndLoad(tx.connection(), ids, executionId, plans.get(executionId))
                .chain(
                    loaded -> {
                      Set<UUID> fresh = loaded.fresh();
                      List<Function<RunState, Transition>> todo = new ArrayList<>();
                      for (int i = 0; i < ids.size(); i++) {
                        if (fresh.remove(ids.get(i))) {
                          todo.add(changes.get(i));
                        }
                      }
                      if (todo.isEmpty()) {
                        return Uni.createFrom().nullItem();
                      }
                      if (loaded.run() == null) {
                        Log.debugf("No execution %s; message ignored", executionId);
                        return Uni.createFrom().nullItem();
                      }
                      return update(tx, executionId, loaded.run(), todo, traceparent, null);
                    }));
  }

  /**
   * Runs one unit of work in a transaction, again from the start when it fails: a rolled-back
   * transaction changed nothing, so a retry is safe. A transient failure (a version conflict, a
   * lost connection, an overloaded database) is retried for as long as it lasts, with back-off up
   * to {@link #MAX_BACKOFF}, so a well-formed message is never dead-lettered for it (its partition
   * waits meanwhile). Any other failure (the message itself cannot be applied) is tried {@code
   * max-transaction-attempts} times and then fails the message, which goes to the dead-letter
   * topic. The retry wraps the transaction, never the other way round, so every attempt gets a
   * fresh session and transaction.
   */
  private Uni<Boolean> inTransaction(
      String executionId, Function<PipelinedTransaction.Tx, Uni<Written>> work) {
    return inTransaction(executionId, null, work);
  }

  /**
   * {@link #inTransaction(String, Function)}, first as {@code fromMemory} on the run as this
   * instance committed it last, when it did and still has it in memory: a unit that does not commit
   * that way ({@link NotFromMemory}, a version conflict, any failure) changed nothing and runs
   * again as {@code work}.
   */
  private Uni<Boolean> inTransaction(
      String executionId,
      Function<RunTable.StoredRun, Function<PipelinedTransaction.Tx, Uni<Written>>> fromMemory,
      Function<PipelinedTransaction.Tx, Uni<Written>> work) {
    return order.inOrder(
        executionId,
        () ->
            fromMemoryOr(executionId, fromMemory, work)
                .invoke(
                    written -> {
                      if (written != null) {
                        remember(written);
                        if (!written.rows().isEmpty()) {
                          committedRows.committed(written.rows());
                        }
                      }
                    })
                .map(written -> written != null));
  }

  /**
   * Starts from the state document this instance committed last for the run, when it has it (the
   * entry is taken: only a commit puts the next one), else runs {@code work} as usual.
   */
  private Uni<Written> fromMemoryOr(
      String executionId,
      Function<RunTable.StoredRun, Function<PipelinedTransaction.Tx, Uni<Written>>> fromMemory,
      Function<PipelinedTransaction.Tx, Uni<Written>> work) {
    StateCache.Committed committed = states.take(executionId);
    if (fromMemory == null || committed == null) {
      return committed(work);
    }
    return Uni.createFrom()
        .deferred(
            () -> {
              var run =
                  new RunTable.StoredRun(
                      committed.version(),
                      StoreJson.readState(committed.state(), committed.plan()),
                      true);
              return PipelinedTransaction.run(pool, fromMemory.apply(run));
            })
        .invoke(
            written -> {
              committedFromMemory.increment();
              Written.log(written);
            })
        .onFailure()
        .recoverWithUni(
            failure -> {
              readAgainAfterMemory.increment();
              Log.debugf("Run %s read again: %s", executionId, failure.toString());
              return committed(work);
            });
  }

  /**
   * Keeps a committed run's plan and state document in memory while the run may still change, so
   * the next transaction neither reads nor parses the plan (decision 0150) and need not read the
   * run (decision 0151).
   */
  private void remember(Written written) {
    RunState stored = written.state();
    if (stored.status().isTerminal()) {
      plans.forget(stored.executionId());
      states.forget(stored.executionId());
    } else {
      plans.put(stored.executionId(), stored.plan());
      states.put(
          stored.executionId(),
          new StateCache.Committed(written.version(), written.document(), stored.plan()));
    }
  }

  /** Completes only once the transaction committed, so its rows are durable when handed on. */
  private Uni<Written> committed(Function<PipelinedTransaction.Tx, Uni<Written>> work) {
    AtomicInteger attempts = new AtomicInteger();
    return Uni.createFrom()
        .deferred(() -> PipelinedTransaction.run(pool, work))
        .onFailure()
        .invoke(failure -> logRollback(attempts.incrementAndGet(), failure))
        .onFailure(failure -> retries(failure, attempts.get()))
        .retry()
        .withBackOff(Duration.ofMillis(20), MAX_BACKOFF)
        .indefinitely()
        .invoke(Written::log);
  }

  private boolean retries(Throwable failure, int attempts) {
    return StoreFailures.isTransient(failure) || attempts < config.maxTransactionAttempts();
  }

  private void logRollback(int attempt, Throwable failure) {
    if (attempt >= config.maxTransactionAttempts()) {
      Log.warnf("Store transaction rolled back %d times, last: %s", attempt, failure.toString());
    } else {
      Log.debugf("Store transaction rolled back: %s", failure.toString());
    }
  }

  /** A concurrent start of the same execution fails the insert; its retry finds the run. */
  private Uni<Written> insert(PipelinedTransaction.Tx tx, StartRun command, String traceparent) {
    Transition started = RunTransitions.start(command, clock.instant());
    RunState initial = started.state();
    return cache
        .settle(tx.connection(), initial, started)
        .chain(
            transition -> {
              List<OutboxRow> rows = OutboxStore.rowsOf(List.of(transition), traceparent);
              String document = StoreJson.writeState(transition.state());
              return RunTable.insert(
                      tx, transition.state(), document, clock.instant(), rows, traceparent)
                  .map(
                      ids ->
                          new Written(
                              new StatusChange(
                                  initial.executionId(), null, transition.state().status()),
                              OutboxStore.withIds(rows, ids),
                              transition.state(),
                              0,
                              document));
            });
  }

  /**
   * Applies {@code changes} in order to the loaded run (each to the state the previous one left,
   * with the node output cache settled after each), and stores the last state and every
   * transition's messages in one version-checked statement; with {@code messageIds} (not recorded
   * yet, the run taken from memory) that statement records them too, and a unit that changes
   * nothing fails with {@link NotFromMemory}, so that it runs again the usual way and records them.
   */
  private Uni<Written> update(
      PipelinedTransaction.Tx tx,
      String executionId,
      RunTable.StoredRun run,
      List<Function<RunState, Transition>> changes,
      String traceparent,
      List<UUID> messageIds) {
    RunState before = run.state();
    Uni<List<Transition>> folded = Uni.createFrom().item(List.of());
    for (Function<RunState, Transition> change : changes) {
      folded = folded.chain(done -> settleNext(tx.connection(), before, done, change));
    }
    return folded.chain(
        transitions -> {
          if (transitions.isEmpty()) {
            return messageIds == null
                ? Uni.createFrom().nullItem()
                : Uni.createFrom().failure(new NotFromMemory("nothing changes"));
          }
          RunState after = transitions.getLast().state();
          List<OutboxRow> rows = OutboxStore.rowsOf(transitions, traceparent);
          String document = StoreJson.writeState(after);
          Instant now = clock.instant();
          Uni<List<Long>> written =
              messageIds == null
                  ? RunTable.update(tx, run, after, document, now, rows, traceparent)
                  : RunTable.recordAndUpdate(
                      tx, messageIds, run, after, document, now, rows, traceparent);
          return written.map(
              ids ->
                  new Written(
                      new StatusChange(executionId, before.status(), after.status()),
                      OutboxStore.withIds(rows, ids),
                      after,
                      run.version() + 1,
                      document));
        });
  }

  /** Applies one change to the state the transitions so far left; an unchanged one is dropped. */
  private Uni<List<Transition>> settleNext(
      SqlConnection connection,
      RunState initial,
      List<Transition> done,
      Function<RunState, Transition> change) {
    RunState current = done.isEmpty() ? initial : done.getLast().state();
    Transition changed = change.apply(current);
    if (!changed.changed()) {
      return Uni.createFrom().item(done);
    }
    return cache
        .settle(connection, current, changed)
        .map(
            settled -> {
              List<Transition> next = new ArrayList<>(done);
              next.add(settled);
              return next;
            });
  }

  /**
   * A unit started from the run in memory that cannot commit that way; it rolled back and runs
   * again the usual way. No stack trace: it is a routine turn, not an error.
   */
  private static final class NotFromMemory extends RuntimeException {
    NotFromMemory(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * What a committed unit of work stored: the status change, the outbox rows, with ids, and the
   * run's state, with the version it was stored as and its document.
   */
  private record Written(
      StatusChange change, List<OutboxRow> rows, RunState state, long version, String document) {
    static void log(Written written) {
      if (written != null) {
        StatusChange.log(written.change());
      }
    }
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
