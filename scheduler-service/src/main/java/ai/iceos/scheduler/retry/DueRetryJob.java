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

/**
 * Queues node retries whose wait is over. Due times live in the store ({@code next_retry_at}), so
 * retries survive a restart and any instance may fire them; the version check lets only one do so.
 * A Vert.x timer drives it because quarkus-scheduler does not go below one second.
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
  private volatile long timerId = -1;

  DueRetryJob(RunStore runs, OutboxRelay relay, Vertx vertx, SchedulerConfig config) {
    this.runs = runs;
    this.relay = relay;
    this.vertx = vertx;
    this.config = config;
  }

  void start(@Observes StartupEvent event) {
    long interval = Math.max(10, config.retries().pollInterval().toMillis());
    timerId = vertx.setPeriodic(FIRST_POLL_DELAY_MS, interval, ignored -> poll());
  }

  void stop(@Observes ShutdownEvent event) {
    vertx.cancelTimer(timerId);
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
    if (executionIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(executionIds)
        .onItem()
        .transformToUniAndConcatenate(runs::fireDueRetries)
        .collect()
        .asList()
        .chain(
            written ->
                written.contains(true) ? relay.publishPending() : Uni.createFrom().voidItem());
  }
}
