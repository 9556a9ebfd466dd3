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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies inputs to stored runs, one transaction each: the message id goes into the ledger, the new
 * state replaces the old one (optimistic version check) and what the transition sends goes into the
 * outbox, all or nothing. Each method answers whether anything was written to the outbox.
 */
@ApplicationScoped
public class RunStore {
  /** The longest wait between two tries of a transaction that failed transiently. */
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final Sessions sessions;
  private final AppliedMessageLedger ledger;
  private final OutboxStore outbox;
  private final InstantSource clock;
  private final SchedulerConfig config;
  private final NodeOutputCache cache;

  RunStore(
      Sessions sessions,
      AppliedMessageLedger ledger,
      OutboxStore outbox,
      InstantSource clock,
      SchedulerConfig config,
      NodeOutputCache cache) {
    this.cache = cache;
    this.sessions = sessions;
    this.ledger = ledger;
    this.outbox = outbox;
    this.clock = clock;
    this.config = config;
  }

  /** Creates the execution, unless one with this id exists already (then a no-op). */
  public Uni<Boolean> start(StartRun command) {
    String traceparent = TraceParent.current();
    return inTransaction(
        () ->
            ledger
                .recordFirst(command.messageId())
                .chain(
                    first -> first ? insert(command, traceparent) : Uni.createFrom().nullItem()));
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
    if (outcomes.size() == 1) {
      return apply(outcomes.getFirst());
    }
    String traceparent = TraceParent.current();
    List<UUID> ids = outcomes.stream().map(NodeOutcome::messageId).toList();
    return inTransaction(
        () ->
            ledger
                .recordFirst(ids)
                .chain(
                    fresh -> {
                      List<Function<RunState, Transition>> changes = new ArrayList<>();
                      for (NodeOutcome outcome : outcomes) {
                        if (fresh.remove(outcome.messageId())) {
                          changes.add(
                              state -> RunTransitions.apply(state, outcome, clock.instant()));
                        }
                      }
                      return changes.isEmpty()
                          ? Uni.createFrom().<StatusChange>nullItem()
                          : update(executionId, changes, traceparent);
                    }));
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
    return inTransaction(
        () ->
            update(
                executionId,
                state -> RunTransitions.resendQueued(state, clock.instant()),
                TraceParent.current()));
  }

  public Uni<Boolean> fireDueRetries(String executionId) {
    return inTransaction(
        () ->
            update(
                executionId,
                state -> RunTransitions.fireDueRetries(state, clock.instant()),
                TraceParent.current()));
  }

  /** The caller's trace context is read here, on the caller's thread, before any hop. */
  private Uni<Boolean> applyOnce(
      UUID messageId, String executionId, Function<RunState, Transition> change) {
    String traceparent = TraceParent.current();
    return inTransaction(
        () ->
            ledger
                .recordFirst(messageId)
                .chain(
                    first ->
                        first
                            ? update(executionId, change, traceparent)
                            : Uni.createFrom().nullItem()));
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
  private Uni<Boolean> inTransaction(Supplier<Uni<StatusChange>> work) {
    AtomicInteger attempts = new AtomicInteger();
    long begun = System.nanoTime();
    return sessions
        .inTransaction(work)
        .onFailure()
        .invoke(failure -> logRollback(attempts.incrementAndGet(), failure))
        .onFailure(failure -> retries(failure, attempts.get()))
        .retry()
        .withBackOff(Duration.ofMillis(20), MAX_BACKOFF)
        .indefinitely()
        .invoke(StatusChange::log)
        .invoke(
            change ->
                Log.debugf(
                    "timing tx %.2f ms written=%s",
                    (System.nanoTime() - begun) / 1e6, change != null))
        .map(change -> change != null);
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

  /** A concurrent start of the same execution fails one commit on the key; its retry finds it. */
  private Uni<StatusChange> insert(StartRun command, String traceparent) {
    Transition started = RunTransitions.start(command, clock.instant());
    RunState initial = started.state();
    return RunEntity.<RunEntity>findById(initial.executionId())
        .chain(
            existing ->
                existing != null
                    ? Uni.createFrom().nullItem()
                    : cache
                        .settle(initial, started)
                        .chain(
                            transition ->
                                RunEntity.of(transition.state())
                                    .persist()
                                    .chain(() -> outbox.append(List.of(transition), traceparent))
                                    .replaceWith(
                                        new StatusChange(
                                            initial.executionId(),
                                            null,
                                            transition.state().status()))));
  }

  private Uni<StatusChange> update(
      String executionId, Function<RunState, Transition> change, String traceparent) {
    return update(executionId, List.of(change), traceparent);
  }

  /**
   * Loads the execution once, applies {@code changes} in order (each to the state the previous one
   * left, with the node output cache settled after each), and stores the last state and every
   * transition's messages once: one read and one write of the run for all of them.
   */
  private Uni<StatusChange> update(
      String executionId, List<Function<RunState, Transition>> changes, String traceparent) {
    return RunEntity.<RunEntity>findById(executionId)
        .chain(
            run -> {
              if (run == null) {
                Log.debugf("No execution %s; message ignored", executionId);
                return Uni.createFrom().nullItem();
              }
              long t0 = System.nanoTime();
              RunState before = run.toState();
              Log.debugf(
                  "timing load-json %.2f ms (%s chars)",
                  (System.nanoTime() - t0) / 1e6, (Object) run.state.length());
              Uni<List<Transition>> folded = Uni.createFrom().item(List.of());
              for (Function<RunState, Transition> change : changes) {
                folded = folded.chain(done -> settleNext(before, done, change));
              }
              return folded.chain(
                  transitions ->
                      transitions.isEmpty()
                          ? Uni.createFrom().nullItem()
                          : store(run, before, transitions, traceparent));
            });
  }

  /** Applies one change to the state the transitions so far left; an unchanged one is dropped. */
  private Uni<List<Transition>> settleNext(
      RunState initial, List<Transition> done, Function<RunState, Transition> change) {
    RunState current = done.isEmpty() ? initial : done.getLast().state();
    Transition changed = change.apply(current);
    if (!changed.changed()) {
      return Uni.createFrom().item(done);
    }
    return cache
        .settle(current, changed)
        .map(
            settled -> {
              List<Transition> next = new ArrayList<>(done);
              next.add(settled);
              return next;
            });
  }

  private Uni<StatusChange> store(
      RunEntity run, RunState before, List<Transition> transitions, String traceparent) {
    long t0 = System.nanoTime();
    RunState after = transitions.getLast().state();
    run.update(after, clock.instant());
    Log.debugf("timing write-json %.2f ms", (System.nanoTime() - t0) / 1e6);
    return outbox
        .append(transitions, traceparent)
        .replaceWith(new StatusChange(before.executionId(), before.status(), after.status()));
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
