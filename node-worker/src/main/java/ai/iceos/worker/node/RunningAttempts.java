package ai.iceos.worker.node;

import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

  private final Map<UUID, Running> running = new ConcurrentHashMap<>();
  private final Map<UUID, Remembered> recent = new LinkedHashMap<>();
  private final InstantSource clock;

  public RunningAttempts(InstantSource clock) {
    this.clock = clock;
  }

  /** {@code work}, failing with {@code cancelled} as soon as a matching cancellation arrives. */
  public <T> Uni<T> cancellable(NodeTask task, Uni<T> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              CancelTasks earlier = remembered(task);
              if (earlier != null) {
                return Uni.createFrom().failure(cancelled(earlier));
              }
              UUID key = UUID.randomUUID();
              Uni<T> signal =
                  Uni.createFrom()
                      .emitter(
                          emitter -> {
                            running.put(key, new Running(task, emitter));
                            emitter.onTermination(() -> running.remove(key));
                          });
              return Uni.combine().any().of(work, signal);
            });
  }

  /** Interrupts every running attempt the command matches; returns how many. */
  public int cancel(CancelTasks command) {
    remember(command);
    List<Running> matching = new ArrayList<>();
    running
        .values()
        .forEach(
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
    Instant oldest = clock.instant().minus(REMEMBERED_FOR);
    recent.values().removeIf(entry -> entry.at().isBefore(oldest));
    return recent.values().stream()
        .map(Remembered::command)
        .filter(command -> command.matches(task.executionId(), task.nodeId()))
        .findFirst()
        .orElse(null);
  }

  private static NodeFailureException cancelled(CancelTasks command) {
    String reason =
        command.reason() == null || command.reason().isBlank() ? "" : ": " + command.reason();
    return new NodeFailureException(Failure.permanent(CANCELLED, "Cancelled" + reason));
  }

  private record Running(NodeTask task, UniEmitter<?> emitter) {}

  private record Remembered(CancelTasks command, Instant at) {}
}
