package ai.iceos.worker.node;

import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The attempts this worker is running, so that a {@link CancelTasks} can interrupt them (SPEC
 * §2.9). An interrupted attempt fails with a non-retryable {@code cancelled} failure and its work
 * is cancelled. Cancellations are remembered for {@link #REMEMBERED_FOR} (at most {@link
 * #MAX_REMEMBERED}), so a task of a cancelled execution that was already queued in Kafka fails the
 * same way instead of running.
 */
@ApplicationScoped
public class RunningAttempts {
  public static final String CANCELLED = "cancelled";
  static final Duration REMEMBERED_FOR = Duration.ofMinutes(15);
  static final int MAX_REMEMBERED = 10_000;

  private final Set<Running> running = ConcurrentHashMap.newKeySet();
  private final Map<UUID, Remembered> recent = new LinkedHashMap<>();
  private final InstantSource clock;

  public RunningAttempts(InstantSource clock) {
    this.clock = clock;
  }

  /** {@code work}, failing with {@code cancelled} as soon as a matching cancellation arrives. */
  public <T> Uni<T> cancellable(NodeTask task, Uni<T> work) {
    return cancellable(task, () -> work);
  }

  /**
   * The work {@code start} makes, made only when the task's execution is not cancelled already, and
   * failing with {@code cancelled} as soon as a matching cancellation arrives (its subscription is
   * then cancelled). An exception thrown by {@code start} is the attempt's failure. One emitter, no
   * chain of operators: this runs for every task (decision 0105).
   */
  public <T> Uni<T> cancellable(NodeTask task, Supplier<Uni<T>> start) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              CancelTasks earlier = remembered(task);
              if (earlier != null) {
                emitter.fail(cancelled(earlier));
                return;
              }
              Running attempt = new Running(task, emitter);
              running.add(attempt);
              emitter.onTermination(attempt::stop);
              Uni<T> work;
              try {
                work = start.get();
              } catch (RuntimeException e) {
                emitter.fail(e);
                return;
              }
              attempt.working(work.subscribe().with(emitter::complete, emitter::fail));
            });
  }

  /** Interrupts every running attempt the command matches; returns how many. */
  public int cancel(CancelTasks command) {
    remember(command);
    List<Running> matching = new ArrayList<>();
    running.forEach(
        attempt -> {
          if (command.matches(attempt.task().executionId(), attempt.task().nodeId())) {
            matching.add(attempt);
          }
        });
    matching.forEach(attempt -> attempt.emitter().fail(cancelled(command)));
    return matching.size();
  }

  /** Attempts running now. */
  public int runningCount() {
    return running.size();
  }

  private synchronized void remember(CancelTasks command) {
    recent.put(command.messageId(), new Remembered(command, clock.instant()));
    while (recent.size() > MAX_REMEMBERED) {
      recent.remove(recent.keySet().iterator().next());
    }
  }

  private synchronized CancelTasks remembered(NodeTask task) {
    if (recent.isEmpty()) {
      return null;
    }
    Instant oldest = clock.instant().minus(REMEMBERED_FOR);
    recent.values().removeIf(entry -> entry.at().isBefore(oldest));
    for (Remembered entry : recent.values()) {
      if (entry.command().matches(task.executionId(), task.nodeId())) {
        return entry.command();
      }
    }
    return null;
  }

  private static NodeFailureException cancelled(CancelTasks command) {
    String reason =
        command.reason() == null || command.reason().isBlank() ? "" : ": " + command.reason();
    return new NodeFailureException(Failure.permanent(CANCELLED, "Cancelled" + reason));
  }

  /** A running attempt: its task, its emitter, and the work to cancel when it ends. */
  private final class Running {
    private final NodeTask task;
    private final UniEmitter<?> emitter;
    private Cancellable work;
    private boolean stopped;

    Running(NodeTask task, UniEmitter<?> emitter) {
      this.task = task;
      this.emitter = emitter;
    }

    NodeTask task() {
      return task;
    }

    UniEmitter<?> emitter() {
      return emitter;
    }

    void working(Cancellable subscription) {
      synchronized (this) {
        if (!stopped) {
          work = subscription;
          return;
        }
      }
      subscription.cancel(); // ended (or was cancelled) while subscribing
    }

    /** Ended, failed or cancelled: no longer cancellable, and its work is cancelled. */
    void stop() {
      running.remove(this);
      Cancellable subscription;
      synchronized (this) {
        stopped = true;
        subscription = work;
      }
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }

  private record Remembered(CancelTasks command, Instant at) {}
}
