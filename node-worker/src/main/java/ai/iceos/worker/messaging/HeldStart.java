package ai.iceos.worker.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The reports of one attempt with its start held back (decision 0104): the start report goes out
 * only when the attempt is still running {@code delay} after it began, so a quick attempt yields
 * only its end, which reports the start too; the scheduler then needs one transaction for the node
 * instead of two. The start report, when sent, always comes before the end, and never after it.
 */
final class HeldStart {
  private HeldStart() {}

  /**
   * {@code started} then {@code finished}'s item; with a positive {@code delay}, {@code started}
   * only when {@code finished} has no item {@code delay} after subscription ({@code 0}: always at
   * once). Cancelling the stream cancels {@code finished}.
   */
  static <T> Multi<T> reports(
      T started, Uni<T> finished, Duration delay, ScheduledExecutorService timers) {
    if (delay.isZero() || delay.isNegative()) {
      return Multi.createBy()
          .concatenating()
          .streams(Multi.createFrom().item(started), finished.toMulti());
    }
    return Multi.createFrom()
        .emitter(emitter -> new Attempt<T>(emitter, started).run(finished, delay, timers));
  }

  /** One attempt's reports; the lock orders the start report against the end. */
  private static final class Attempt<T> {
    private final MultiEmitter<? super T> emitter;
    private final T started;
    private boolean ended;
    private Cancellable work;
    private ScheduledFuture<?> timer;

    Attempt(MultiEmitter<? super T> emitter, T started) {
      this.emitter = emitter;
      this.started = started;
    }

    void run(Uni<T> finished, Duration delay, ScheduledExecutorService timers) {
      emitter.onTermination(this::stop);
      Cancellable subscription = finished.subscribe().with(this::end, this::fail);
      synchronized (this) {
        work = subscription;
        if (ended) {
          subscription.cancel(); // ended, or cancelled, while subscribing: nothing to time
        } else {
          timer = timers.schedule(this::startIfRunning, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
      }
    }

    private synchronized void startIfRunning() {
      if (!ended) {
        emitter.emit(started);
      }
    }

    private synchronized void end(T item) {
      if (!ended) {
        ended = true;
        emitter.emit(item);
        emitter.complete();
      }
    }

    private synchronized void fail(Throwable error) {
      if (!ended) {
        ended = true;
        emitter.fail(error);
      }
    }

    /** The stream ended or was cancelled: no start report any more, and no work left running. */
    private synchronized void stop() {
      ended = true;
      if (timer != null) {
        timer.cancel(false);
      }
      if (work != null) {
        work.cancel();
      }
    }
  }
}
