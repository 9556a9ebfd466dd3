package ai.iceos.blueprint.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.ratelimit.CoalescingCounter.Counted;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CoalescingCounterTest {
  /** A counter store whose updates complete only when the test says so. */
  private static final class HeldStore {
    final List<String> keys = new ArrayList<>();
    final List<Integer> sizes = new ArrayList<>();
    final List<CompletableFuture<Counted>> pending = new ArrayList<>();
    long total;

    Uni<Counted> add(String key, int n) {
      keys.add(key);
      sizes.add(n);
      CompletableFuture<Counted> done = new CompletableFuture<>();
      pending.add(done);
      return Uni.createFrom().completionStage(done);
    }

    void completeNext(Integer limit) {
      int n = sizes.get(sizes.size() - pending.size());
      total += n;
      pending.remove(0).complete(new Counted(total, limit));
    }
  }

  private static <T> CompletableFuture<T> subscribe(Uni<T> uni) {
    return uni.subscribeAsCompletionStage();
  }

  @Test
  void shouldAddHitsThatArriveDuringAnUpdateInOneUpdateAndGiveEachItsOwnPlace() {
    HeldStore store = new HeldStore();
    CoalescingCounter<String> counter = new CoalescingCounter<>(store::add);

    CompletableFuture<Counted> first = subscribe(counter.hit("t"));
    List<CompletableFuture<Counted>> queued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      queued.add(subscribe(counter.hit("t")));
    }
    assertThat(store.sizes).containsExactly(1);

    store.completeNext(null);
    assertThat(first.join()).isEqualTo(new Counted(1, null));
    assertThat(store.sizes).containsExactly(1, 3);

    store.completeNext(60);
    assertThat(queued.stream().map(CompletableFuture::join).map(Counted::place))
        .containsExactly(2L, 3L, 4L);
    assertThat(queued.getFirst().join().limit()).isEqualTo(60);
    assertThat(counter.inFlight()).isZero();
  }

  @Test
  void shouldPlaceHitsAfterWhatOtherReplicasAddedMeanwhile() {
    HeldStore store = new HeldStore();
    CoalescingCounter<String> counter = new CoalescingCounter<>(store::add);
    CompletableFuture<Counted> a = subscribe(counter.hit("t"));
    CompletableFuture<Counted> b = subscribe(counter.hit("t"));
    CompletableFuture<Counted> c = subscribe(counter.hit("t"));

    store.total += 10; // another replica counted ten requests before this update
    store.completeNext(null);
    store.completeNext(null);

    assertThat(a.join().place()).isEqualTo(11);
    assertThat(b.join().place()).isEqualTo(12);
    assertThat(c.join().place()).isEqualTo(13);
  }

  @Test
  void shouldCountEachKeyApart() {
    HeldStore store = new HeldStore();
    CoalescingCounter<String> counter = new CoalescingCounter<>(store::add);
    subscribe(counter.hit("t1"));
    subscribe(counter.hit("t2"));

    assertThat(store.keys).containsExactly("t1", "t2");
    assertThat(counter.inFlight()).isEqualTo(2);
  }

  @Test
  void shouldFailTheHitsOfAFailedUpdateAndGoOnWithTheNext() {
    HeldStore store = new HeldStore();
    CoalescingCounter<String> counter = new CoalescingCounter<>(store::add);
    CompletableFuture<Counted> failed = subscribe(counter.hit("t"));
    CompletableFuture<Counted> next = subscribe(counter.hit("t"));

    store.pending.remove(0).completeExceptionally(new IllegalStateException("database down"));
    store.sizes.remove(0);
    assertThat(failed).isCompletedExceptionally();
    assertThat(next).isNotDone();

    store.completeNext(null);
    assertThat(next.join().place()).isEqualTo(1);
    assertThat(counter.inFlight()).isZero();
  }
}
