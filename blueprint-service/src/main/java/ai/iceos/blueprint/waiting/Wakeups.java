package ai.iceos.blueprint.waiting;

import ai.iceos.blueprint.BlueprintServiceConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets a request wait, bounded, for something another part of the service (or another replica)
 * does: a probe is re-run when this replica signals the key, and at least every poll interval so a
 * change made by another replica is seen too.
 */
@ApplicationScoped
public class Wakeups {
  private final ConcurrentHashMap<String, CompletableFuture<Void>> signals =
      new ConcurrentHashMap<>();
  private final Duration pollInterval;

  Wakeups(BlueprintServiceConfig config) {
    this.pollInterval = config.pollInterval();
  }

  /** Wakes every waiter of {@code key} on this replica. */
  public void wake(String key) {
    CompletableFuture<Void> signal = signals.remove(key);
    if (signal != null) {
      signal.complete(null);
    }
  }

  /**
   * Runs {@code probe} until it finds something or {@code timeout} has passed.
   *
   * @return what the probe found, or empty on timeout
   */
  public <T> Uni<Optional<T>> await(
      String key, Supplier<Uni<Optional<T>>> probe, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return attempt(key, probe, deadline);
  }

  private <T> Uni<Optional<T>> attempt(
      String key, Supplier<Uni<Optional<T>>> probe, long deadline) {
    // Registered before probing, so a wake-up between probe and wait is not lost.
    CompletableFuture<Void> signal = signals.computeIfAbsent(key, k -> new CompletableFuture<>());
    return probe
        .get()
        .chain(
            found -> {
              long left = deadline - System.nanoTime();
              if (found.isPresent() || left <= 0) {
                signals.remove(key, signal);
                return Uni.createFrom().item(found);
              }
              return signalOrPause(signal, Math.min(left, pollInterval.toNanos()))
                  .chain(() -> attempt(key, probe, deadline));
            });
  }

  private static Uni<Void> signalOrPause(CompletableFuture<Void> signal, long nanos) {
    return Uni.createFrom()
        .<Void>emitter(emitter -> signal.whenComplete((ok, error) -> emitter.complete(null)))
        .ifNoItem()
        .after(Duration.ofNanos(nanos))
        .recoverWithItem(() -> null)
        .replaceWithVoid();
  }
}
