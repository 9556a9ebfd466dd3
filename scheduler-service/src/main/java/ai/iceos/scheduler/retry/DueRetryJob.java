package ai.iceos.scheduler.retry;

import ai.iceos.scheduler.SchedulerConfig;
import ai.iceos.scheduler.messaging.OutboxRelay;
import ai.iceos.scheduler.store.RunStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The scheduler's timer: queues node retries whose wait is over, fails attempts whose worker went
 * silent past their deadline, and ends executions whose {@code timeout_seconds} ran out. Wake-up
 * times live in the store ({@code next_retry_at}, the earliest of the three), so they survive a
 * restart and any instance may fire them; the version check lets only one do so. A Vert.x timer
 * drives it because quarkus-scheduler does not go below one second. Time comes from the store's
 * {@link java.time.InstantSource}.
 *
 * <p>Once at start-up it also re-sends the tasks of queued nodes of every running or paused
 * execution, and then periodically those of executions that made no progress for a while, so a task
 * lost before any worker took it cannot leave an execution hanging.
 */
@ApplicationScoped
class DueRetryJob {
  private final RunStore runs;
  private final OutboxRelay relay;
  private final Vertx vertx;
  private final SchedulerConfig config;

  /** Lets the outgoing channels get wired before the first retry may need them. */
  private static final long FIRST_POLL_DELAY_MS = 3_000;

  private final AtomicBoolean polling = new AtomicBoolean();
  private final AtomicBoolean resending = new AtomicBoolean();
  private volatile long timerId = -1;
  private volatile long resendTimerId = -1;

  DueRetryJob(RunStore runs, OutboxRelay relay, Vertx vertx, SchedulerConfig config) {
    this.runs = runs;
    this.relay = relay;
    this.vertx = vertx;
    this.config = config;
  }

  void start(@Observes StartupEvent event) {
    long interval = Math.max(10, config.retries().pollInterval().toMillis());
    timerId = vertx.setPeriodic(FIRST_POLL_DELAY_MS, interval, ignored -> poll());
    vertx.setTimer(FIRST_POLL_DELAY_MS, ignored -> resendQueued(runs.running()));
    long resendInterval = config.resend().interval().toMillis();
    resendTimerId =
        vertx.setPeriodic(
            resendInterval,
            resendInterval,
            ignored -> resendQueued(runs.runningUnchangedFor(config.resend().queuedFor())));
  }

  /** One re-send round at a time. */
  private void resendQueued(Uni<List<String>> executions) {
    if (!resending.compareAndSet(false, true)) {
      return;
    }
    executions
        .chain(ids -> each(ids, runs::resendQueued))
        .subscribe()
        .with(
            ignored -> resending.set(false),
            failure -> {
              resending.set(false);
              Log.warnf("Re-sending queued tasks failed: %s", failure.getMessage());
            });
  }

  void stop(@Observes ShutdownEvent event) {
    vertx.cancelTimer(timerId);
    vertx.cancelTimer(resendTimerId);
  }

  /** One poll at a time: a slow poll makes the next ticks skip rather than pile up. */
  private void poll() {
    if (!polling.compareAndSet(false, true)) {
      return;
    }
    fireDueRetries()
        .subscribe()
        .with(
            ignored -> polling.set(false),
            failure -> {
              polling.set(false);
              Log.warnf("Firing due retries failed: %s", failure.getMessage());
            });
  }

  private Uni<Void> fireDueRetries() {
    return runs.withDueRetries().chain(this::fireAll);
  }

  private Uni<Void> fireAll(List<String> executionIds) {
    return each(executionIds, runs::fireDueRetries);
  }

  /** Applies {@code change} to each execution in turn, then sends what they wrote. */
  private Uni<Void> each(List<String> executionIds, Function<String, Uni<Boolean>> change) {
    if (executionIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(executionIds)
        .onItem()
        .transformToUniAndConcatenate(change::apply)
        .collect()
        .asList()
        .chain(
            written ->
                written.contains(true) ? relay.publishPending() : Uni.createFrom().voidItem());
  }
}
