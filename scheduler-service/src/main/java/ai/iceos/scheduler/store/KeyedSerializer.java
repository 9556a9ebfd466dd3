package ai.iceos.scheduler.store;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs units of work of one key (an execution id) one after another in this instance, in the order
 * they were subscribed; work of different keys runs concurrently. Within an instance, changes of
 * one execution then never conflict, and what each commits is handed on in commit order.
 */
final class KeyedSerializer {
  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails =
      new ConcurrentHashMap<>();

  <T> Uni<T> run(String key, Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              CompletableFuture<Void> mine = new CompletableFuture<>();
              CompletableFuture<Void> previous = tails.put(key, mine);
              Uni<T> run =
                  previous == null || previous.isDone()
                      ? Uni.createFrom().deferred(work::get)
                      : Uni.createFrom()
                          .completionStage(previous)
                          // The previous unit completes on its own thread and context: hop off it.
                          .emitOn(Infrastructure.getDefaultExecutor())
                          .chain(ignored -> Uni.createFrom().deferred(work::get));
              return run.onTermination()
                  .invoke(
                      () -> {
                        tails.remove(key, mine);
                        mine.complete(null);
                      });
            });
  }
}
