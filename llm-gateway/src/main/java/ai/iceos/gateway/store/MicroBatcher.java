package ai.iceos.gateway.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Groups requests that arrive while earlier batches are running into one next batch, so that at
 * most {@code maxInFlight} batches are in flight: with a free slot a request starts at once (a
 * batch of one, no waiting for a timer), and under load the batches grow by themselves. Two slots
 * let a request that arrives during a batch start without waiting for that batch's round trip (for
 * the budget rows, the second statement waits on the row lock inside PostgreSQL instead of in this
 * queue), while the queue still bounds how many statements one replica has open. {@code run}
 * answers a batch with one result per request, in order; a failed batch fails each of its requests.
 *
 * <p>A request whose future was completed (cancelled) before its result came has its result handed
 * to {@code abandoned}, so that whatever the result holds can be given back.
 */
public final class MicroBatcher<I, R> {
  private final Function<List<I>, CompletionStage<List<R>>> run;
  private final int maxBatch;
  private final int maxInFlight;
  private final BiConsumer<I, R> abandoned;
  private final ArrayDeque<Pending<I, R>> waiting = new ArrayDeque<>();
  private int inFlight;

  /** One batch in flight at a time. */
  public MicroBatcher(
      Function<List<I>, CompletionStage<List<R>>> run, int maxBatch, BiConsumer<I, R> abandoned) {
    this(run, maxBatch, 1, abandoned);
  }

  public MicroBatcher(
      Function<List<I>, CompletionStage<List<R>>> run,
      int maxBatch,
      int maxInFlight,
      BiConsumer<I, R> abandoned) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    this.run = run;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.abandoned = abandoned;
  }

  /** Queues {@code request}; the future completes with its result once its batch has run. */
  public CompletableFuture<R> submit(I request) {
    var pending = new Pending<I, R>(request, new CompletableFuture<>());
    boolean start;
    synchronized (this) {
      waiting.add(pending);
      start = inFlight < maxInFlight;
      if (start) {
        inFlight++;
      }
    }
    if (start) {
      runNext();
    }
    return pending.result;
  }

  private void runNext() {
    List<Pending<I, R>> batch = next();
    if (batch.isEmpty()) {
      return;
    }
    CompletionStage<List<R>> done;
    try {
      done = run.apply(batch.stream().map(Pending::request).toList());
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    done.whenComplete(
        (results, failure) -> {
          runNext();
          deliver(batch, results, failure);
        });
  }

  /** Takes the next batch off the queue, or frees the caller's slot when nothing waits. */
  private synchronized List<Pending<I, R>> next() {
    if (waiting.isEmpty()) {
      inFlight--;
      return List.of();
    }
    List<Pending<I, R>> batch = new ArrayList<>(Math.min(waiting.size(), maxBatch));
    while (!waiting.isEmpty() && batch.size() < maxBatch) {
      batch.add(waiting.poll());
    }
    return batch;
  }

  private void deliver(List<Pending<I, R>> batch, List<R> results, Throwable failure) {
    if (failure == null && results.size() != batch.size()) {
      failure =
          new IllegalStateException(
              "a batch of " + batch.size() + " got " + results.size() + " results");
    }
    for (int i = 0; i < batch.size(); i++) {
      Pending<I, R> pending = batch.get(i);
      if (failure != null) {
        pending.result.completeExceptionally(failure);
      } else if (!pending.result.complete(results.get(i))) {
        abandoned.accept(pending.request, results.get(i));
      }
    }
  }

  private record Pending<I, R>(I request, CompletableFuture<R> result) {}
}
