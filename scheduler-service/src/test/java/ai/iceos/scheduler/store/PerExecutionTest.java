package ai.iceos.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PerExecutionTest {
  private final PerExecution order = new PerExecution();
  private final List<String> started = new ArrayList<>();

  @Test
  void shouldStartAnExecutionsNextUnitOnlyAfterItsPreviousOneEnded() {
    AtomicReference<UniEmitter<? super String>> first = new AtomicReference<>();
    AtomicReference<String> secondResult = new AtomicReference<>();

    order.inOrder("x", () -> unit("x1", first)).subscribe().with(ignored -> {});
    order
        .inOrder("x", () -> Uni.createFrom().item(() -> record("x2")))
        .subscribe()
        .with(secondResult::set);

    assertThat(started).containsExactly("x1");
    first.get().complete("done");
    assertThat(started).containsExactly("x1", "x2");
    assertThat(secondResult.get()).isEqualTo("x2");
    assertThat(order.busy()).isZero();
  }

  @Test
  void shouldRunDifferentExecutionsSideBySide() {
    order.inOrder("x", () -> unit("x1", new AtomicReference<>())).subscribe().with(ignored -> {});
    order.inOrder("y", () -> unit("y1", new AtomicReference<>())).subscribe().with(ignored -> {});

    assertThat(started).containsExactly("x1", "y1");
    assertThat(order.busy()).isEqualTo(2);
  }

  @Test
  void shouldGoOnAfterAFailedUnit() {
    AtomicReference<UniEmitter<? super String>> first = new AtomicReference<>();
    order.inOrder("x", () -> unit("x1", first)).subscribe().with(ignored -> {}, ignored -> {});
    order
        .inOrder("x", () -> Uni.createFrom().item(() -> record("x2")))
        .subscribe()
        .with(ignored -> {});

    first.get().fail(new IllegalStateException("rolled back"));

    assertThat(started).containsExactly("x1", "x2");
    assertThat(order.busy()).isZero();
  }

  private Uni<String> unit(String name, AtomicReference<UniEmitter<? super String>> emitter) {
    return Uni.createFrom()
        .emitter(
            e -> {
              record(name);
              emitter.set(e);
            });
  }

  private String record(String name) {
    started.add(name);
    return name;
  }
}
