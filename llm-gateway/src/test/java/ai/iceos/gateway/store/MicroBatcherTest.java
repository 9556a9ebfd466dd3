package ai.iceos.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {
  /** Batches as the runner received them; each is answered when the test completes it. */
  private final List<List<Integer>> batches = new ArrayList<>();

  private final List<CompletableFuture<List<String>>> answers = new ArrayList<>();
  private final Map<Integer, String> abandoned = new ConcurrentHashMap<>();

  private CompletionStage<List<String>> run(List<Integer> batch) {
    batches.add(batch);
    var answer = new CompletableFuture<List<String>>();
    answers.add(answer);
    return answer;
  }

  private MicroBatcher<Integer, String> batcher(int maxBatch) {
    return new MicroBatcher<>(this::run, maxBatch, abandoned::put);
  }

  private static List<String> echo(List<Integer> batch) {
    return batch.stream().map(i -> "r" + i).toList();
  }

  private void answer(int batch) {
    answers.get(batch).complete(echo(batches.get(batch)));
  }

  @Test
  void shouldStartARequestAtOnceWhenNothingRuns() throws Exception {
    var batcher = batcher(10);

    var result = batcher.submit(1);

    assertThat(batches).containsExactly(List.of(1));
    answer(0);
    assertThat(result.get()).isEqualTo("r1");
  }

  @Test
  void shouldStartASecondBatchAtOnceWhenTwoMayBeInFlightAndQueueTheRest() throws Exception {
    var batcher = new MicroBatcher<Integer, String>(this::run, 10, 2, abandoned::put);
    var first = batcher.submit(1);

    var second = batcher.submit(2);
    var third = batcher.submit(3);
    var fourth = batcher.submit(4);

    assertThat(batches)
        .as("two started at once, the rest wait")
        .containsExactly(List.of(1), List.of(2));
    answer(1);
    assertThat(second.get()).isEqualTo("r2");
    assertThat(batches).as("the freed slot takes the waiting ones together").hasSize(3);
    assertThat(batches.get(2)).containsExactly(3, 4);
    assertThat(first).isNotDone();
    answer(0);
    answer(2);
    assertThat(first.get()).isEqualTo("r1");
    assertThat(third.get()).isEqualTo("r3");
    assertThat(fourth.get()).isEqualTo("r4");
    var fifth = batcher.submit(5);
    assertThat(batches).as("both slots free again: a new request starts at once").hasSize(4);
    answer(3);
    assertThat(fifth.get()).isEqualTo("r5");
  }

  @Test
  void shouldSendTheRequestsThatArriveDuringABatchTogetherInTheNext() throws Exception {
    var batcher = batcher(10);
    var first = batcher.submit(1);

    var second = batcher.submit(2);
    var third = batcher.submit(3);
    assertThat(batches).containsExactly(List.of(1));
    answer(0);

    assertThat(batches).containsExactly(List.of(1), List.of(2, 3));
    assertThat(second).isNotDone();
    answer(1);
    assertThat(List.of(first.get(), second.get(), third.get())).containsExactly("r1", "r2", "r3");
  }

  @Test
  void shouldCapABatchAtItsMaximumSize() {
    var batcher = batcher(2);
    batcher.submit(1);
    for (int i = 2; i <= 6; i++) {
      batcher.submit(i);
    }

    answer(0);
    answer(1);
    answer(2);

    assertThat(batches).containsExactly(List.of(1), List.of(2, 3), List.of(4, 5), List.of(6));
  }

  @Test
  void shouldFailEveryRequestOfAFailedBatchAndGoOnWithTheNext() throws Exception {
    var batcher = batcher(10);
    batcher.submit(1);
    var second = batcher.submit(2);
    var third = batcher.submit(3);
    answer(0);
    var fourth = batcher.submit(4);

    answers.get(1).completeExceptionally(new IllegalStateException("database down"));

    assertThat(second).isCompletedExceptionally();
    assertThat(third).isCompletedExceptionally();
    assertThat(batches).hasSize(3).last().isEqualTo(List.of(4));
    answer(2);
    assertThat(fourth.get()).isEqualTo("r4");
  }

  @Test
  void shouldFailTheBatchWhenTheRunnerAnswersTooFewResults() {
    var batcher = batcher(10);
    batcher.submit(1);
    var second = batcher.submit(2);
    var third = batcher.submit(3);
    answer(0);

    answers.get(1).complete(List.of("r2"));

    assertThat(second).isCompletedExceptionally();
    assertThat(third).isCompletedExceptionally();
  }

  @Test
  void shouldHandTheResultOfACancelledRequestToAbandoned() throws ExecutionException {
    var batcher = batcher(10);
    batcher.submit(1);
    var gone = batcher.submit(2);
    var kept = batcher.submit(3);
    answer(0);

    gone.cancel(false);
    answer(1);

    assertThat(abandoned).containsExactly(Map.entry(2, "r2"));
    assertThat(kept).isCompletedWithValue("r3");
  }

  @Test
  void shouldFailTheRequestsWhenTheRunnerThrows() {
    var batcher =
        new MicroBatcher<Integer, String>(
            batch -> {
              throw new IllegalArgumentException("cannot bind");
            },
            10,
            abandoned::put);

    assertThat(batcher.submit(1)).isCompletedExceptionally();
    assertThat(batcher.submit(2)).isCompletedExceptionally();
  }
}
