package ai.iceos.worker.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The reports of one task's attempt with its start held back (decision 0104): the start report goes
 * out only when the attempt is still running {@code delay} after it began, so a quick attempt
 * yields only its end, which reports the start too; the scheduler then needs one transaction for
 * the node instead of two. The start report, when sent, always comes before the end, and never
 * after it.
 *
 * <p>The attempt begins when the task gets its {@link TaskSlots slot}. Slot, timer and attempt live
 * in one emitter (decision 0105): every Mutiny operator on a task's path costs a context capture
 * per task, so the path has as few as the semantics allow.
 */
final class HeldStart {
  private HeldStart() {}

  /** One attempt, made when it begins (so its start time is the slot's). */
  interface Attempt<T> {
    /** The start report; made only when it is sent. */
    T startReport();

    /** The end report; cancelling the subscription cancels the attempt. */
    Uni<T> end();
  }

  /**
   * Nothing until the ticket {@code slot} hands out is started; then {@code attempt}'s start
   * report, with a positive {@code delay} only when its end has no item {@code delay} after it
   * began ({@code 0}: always at once), and its end. The ticket is left when the stream ends or is
   * cancelled; cancelling the stream cancels the attempt.
   */
  static <T> Multi<T> reports(
      Supplier<TaskSlots.Ticket> slot,
      Supplier<Attempt<T>> attempt,
      Duration delay,
      ScheduledExecutorService timers) {
    return Multi.createFrom()
        .emitter(emitter -> new Run<T>(emitter, delay, timers).enter(slot, attempt));
  }

  /** One task's reports; the lock orders the start report against the end. */
  private static final class Run<T> {
    private final MultiEmitter<? super T> emitter;
    private final Duration delay;
    private final ScheduledExecutorService timers;
    private boolean ended;
    private TaskSlots.Ticket ticket;
    private Attempt<T> attempt;
    private Cancellable work;
    private ScheduledFuture<?> timer;

    Run(MultiEmitter<? super T> emitter, Duration delay, ScheduledExecutorService timers) {
      this.emitter = emitter;
      this.delay = delay;
      this.timers = timers;
    }

    void enter(Supplier<TaskSlots.Ticket> slot, Supplier<Attempt<T>> attempts) {
      emitter.onTermination(this::stop);
      TaskSlots.Ticket entered = slot.get();
      synchronized (this) {
        ticket = entered;
        if (ended) {
          entered.leave(); // cancelled while entering
          return;
        }
      }
      entered.started().whenComplete((ignored, error) -> begin(attempts));
    }

    private void begin(Supplier<Attempt<T>> attempts) {
      synchronized (this) {
        if (ended) {
          return;
        }
      }
      Uni<T> end;
      try {
        Attempt<T> begun = attempts.get();
        synchronized (this) {
          attempt = begun;
        }
        if (delay.isZero() || delay.isNegative()) {
          startIfRunning();
        }
        end = begun.end();
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
      Cancellable subscription = end.subscribe().with(this::end, this::fail);
      synchronized (this) {
        work = subscription;
        if (ended) {
          subscription.cancel(); // ended, or cancelled, while subscribing: nothing to time
        } else if (delay.isPositive()) {
          timer = timers.schedule(this::startIfRunning, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
      }
    }

    private synchronized void startIfRunning() {
      if (!ended) {
        emitter.emit(attempt.startReport());
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

    /**
     * The stream ended or was cancelled: no start report any more, no work left running, and the
     * slot (or the place in the queue) goes to the next task.
     */
    private void stop() {
      TaskSlots.Ticket left;
      synchronized (this) {
        ended = true;
        if (timer != null) {
          timer.cancel(false);
        }
        if (work != null) {
          work.cancel();
        }
        left = ticket;
      }
      if (left != null) {
        left.leave();
      }
    }
  }
}
