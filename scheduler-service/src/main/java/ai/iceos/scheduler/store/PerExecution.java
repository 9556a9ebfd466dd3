package ai.iceos.scheduler.store;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one execution's units of work in this instance one after the other, in the order they were
 * subscribed; different executions' units run side by side. So one execution's commits, and the
 * hand-off of their outbox rows right after each commit, happen in commit order (decision 0119).
 */
final class PerExecution {
  /** Per execution, completed when its last queued unit has ended; removed by that unit. */
  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails =
      new ConcurrentHashMap<>();

  <T> Uni<T> inOrder(String executionId, Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              CompletableFuture<Void> done = new CompletableFuture<>();
              CompletableFuture<Void> previous = tails.put(executionId, done);
              Uni<Void> turn =
                  previous == null
                      ? Uni.createFrom().voidItem()
                      : Uni.createFrom().completionStage(previous);
              return turn.chain(ignored -> work.get())
                  .onTermination()
                  .invoke(
                      () -> {
                        tails.remove(executionId, done);
                        done.complete(null);
                      });
            });
  }

  /** Executions with a unit queued or running, for tests. */
  int busy() {
    return tails.size();
  }
}
