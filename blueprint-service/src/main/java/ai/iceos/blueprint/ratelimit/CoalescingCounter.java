package ai.iceos.blueprint.ratelimit;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Counts hits per key with at most one counter update in flight per key: hits that arrive while one
 * is running wait and are then added together in one update ({@code + n}), like a group commit.
 * Each hit still gets its own place in the count ({@code total - n + 1 … total}), so a limit
 * checked against it is exactly as strict as one update per hit, whatever other replicas add to the
 * same counter in between (decision 0118). Thread-safe; pure (no Quarkus).
 *
 * @param <K> what is counted, e.g. a token and its window
 */
final class CoalescingCounter<K> {
  /** A hit's place in its counter, and the limit the update read with it (null if none). */
  record Counted(long place, Integer limit) {}

  private final BiFunction<K, Integer, Uni<Counted>> add;
  private final Map<K, List<CompletableFuture<Counted>>> queued = new HashMap<>();

  /**
   * @param add adds n hits to the key's counter atomically; yields the counter after adding and the
   *     limit read with it
   */
  CoalescingCounter(BiFunction<K, Integer, Uni<Counted>> add) {
    this.add = add;
  }

  /** Counts one hit; yields its place in the counter. */
  Uni<Counted> hit(K key) {
    return Uni.createFrom()
        .deferred(
            () -> {
              CompletableFuture<Counted> mine = new CompletableFuture<>();
              boolean idle;
              synchronized (this) {
                List<CompletableFuture<Counted>> waiting = queued.get(key);
                idle = waiting == null;
                if (idle) {
                  queued.put(key, new ArrayList<>());
                } else {
                  waiting.add(mine);
                }
              }
              if (idle) {
                send(key, List.of(mine));
              }
              return Uni.createFrom().completionStage(mine);
            });
  }

  /** Keys with an update in flight. */
  synchronized int inFlight() {
    return queued.size();
  }

  private void send(K key, List<CompletableFuture<Counted>> batch) {
    int n = batch.size();
    Uni<Counted> update;
    try {
      update = add.apply(key, n);
    } catch (RuntimeException e) {
      update = Uni.createFrom().failure(e);
    }
    update
        .subscribe()
        .with(
            total -> {
              for (int i = 0; i < n; i++) {
                batch.get(i).complete(new Counted(total.place() - n + 1 + i, total.limit()));
              }
              next(key);
            },
            failure -> {
              batch.forEach(hit -> hit.completeExceptionally(failure));
              next(key);
            });
  }

  /** Sends what queued up meanwhile as the next update, or marks the key idle. */
  private void next(K key) {
    List<CompletableFuture<Counted>> batch;
    synchronized (this) {
      batch = queued.get(key);
      if (batch.isEmpty()) {
        queued.remove(key);
        return;
      }
      queued.put(key, new ArrayList<>());
    }
    send(key, batch);
  }
}
