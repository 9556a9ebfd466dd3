package ai.iceos.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeldStartTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
  private final CompletableFuture<String> end = new CompletableFuture<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final TaskSlots slots = new TaskSlots(1);
  private final Uni<String> finished =
      Uni.createFrom().completionStage(end).onCancellation().invoke(() -> cancelled.set(true));

  {
    timers.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stopTimers() {
    timers.shutdownNow();
  }

  @Test
  void shouldReportAQuickAttemptByItsEndAlone() {
    end.complete("completed");

    var reports = subscribe(Duration.ofHours(1));

    reports.awaitCompletion(WAIT);
    assertThat(reports.getItems()).containsExactly("completed");
  }

  @Test
  void shouldReportTheStartOfALongAttemptWhenTheDelayHasPassedThenItsEnd() {
    var reports = subscribe(Duration.ofMillis(10));

    await().atMost(WAIT).until(() -> reports.getItems().equals(List.of("started")));
    end.complete("completed");

    reports.awaitCompletion(WAIT);
    assertThat(reports.getItems()).containsExactly("started", "completed");
  }

  @Test
  void shouldDropTheHeldStartWhenTheAttemptEndsFirst() {
    var reports = subscribe(Duration.ofHours(1));
    assertThat(timers.getQueue()).hasSize(1);

    end.complete("failed");

    reports.awaitCompletion(WAIT);
    assertThat(reports.getItems()).containsExactly("failed");
    assertThat(timers.getQueue()).isEmpty();
  }

  @Test
  void shouldReportTheStartAtOnceWithoutADelay() {
    var reports = subscribe(Duration.ZERO);

    assertThat(reports.getItems()).containsExactly("started");
    end.complete("completed");
    reports.awaitCompletion(WAIT);
    assertThat(reports.getItems()).containsExactly("started", "completed");
  }

  @Test
  void shouldCancelTheAttemptWhenTheStreamIsCancelled() {
    var reports = subscribe(Duration.ofHours(1));

    reports.cancel();

    assertThat(cancelled).isTrue();
    assertThat(reports.getItems()).isEmpty();
    assertThat(slots.enter(null).isStarted()).isTrue();
  }

  @Test
  void shouldPassOnAFailureOfTheAttempt() {
    end.completeExceptionally(new IllegalStateException("bug"));

    var reports = subscribe(Duration.ofHours(1));

    reports.awaitFailure(WAIT);
    assertThat(reports.getFailure()).hasMessage("bug");
    assertThat(reports.getItems()).isEmpty();
  }

  @Test
  void shouldBeginOnlyWhenTheTaskHasASlotAndFreeTheSlotWhenItEnds() {
    var first = subscribe(Duration.ofHours(1));
    CompletableFuture<String> secondEnd = new CompletableFuture<>();
    AtomicBoolean secondBegun = new AtomicBoolean();
    var second = subscribeSecond(secondBegun, Uni.createFrom().completionStage(secondEnd));
    assertThat(secondBegun).isFalse();
    assertThat(slots.waiting()).isEqualTo(1);

    end.complete("completed");
    first.awaitCompletion(WAIT);

    assertThat(secondBegun).isTrue();
    secondEnd.complete("second completed");
    second.awaitCompletion(WAIT);
    assertThat(second.getItems()).containsExactly("second completed");
  }

  @Test
  void shouldGiveUpItsPlaceInTheQueueWhenCancelledBeforeItsSlot() {
    var first = subscribe(Duration.ofHours(1));
    AtomicBoolean secondBegun = new AtomicBoolean();
    var second = subscribeSecond(secondBegun, Uni.createFrom().item("second completed"));

    second.cancel();
    end.complete("completed");

    first.awaitCompletion(WAIT);
    assertThat(slots.waiting()).isZero();
    assertThat(secondBegun).isFalse();
    assertThat(second.getItems()).isEmpty();
  }

  @Test
  void shouldMakeTheStartReportOnlyWhenItIsSent() {
    AtomicBoolean made = new AtomicBoolean();
    end.complete("completed");

    var reports =
        HeldStart.reports(
                () -> slots.enter(null),
                () ->
                    new HeldStart.Attempt<String>() {
                      @Override
                      public String startReport() {
                        made.set(true);
                        return "started";
                      }

                      @Override
                      public Uni<String> end() {
                        return finished;
                      }
                    },
                Duration.ofHours(1),
                timers)
            .subscribe()
            .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

    reports.awaitCompletion(WAIT);
    assertThat(reports.getItems()).containsExactly("completed");
    assertThat(made).isFalse();
  }

  private AssertSubscriber<String> subscribe(Duration delay) {
    return HeldStart.reports(
            () -> slots.enter(null), () -> attempt("started", finished), delay, timers)
        .subscribe()
        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
  }

  /** A second task's reports, noting in {@code begun} when its attempt begins. */
  private AssertSubscriber<String> subscribeSecond(AtomicBoolean begun, Uni<String> end) {
    return HeldStart.reports(
            () -> slots.enter(null),
            () -> {
              begun.set(true);
              return attempt("second started", end);
            },
            Duration.ofHours(1),
            timers)
        .subscribe()
        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
  }

  private static HeldStart.Attempt<String> attempt(String started, Uni<String> end) {
    return new HeldStart.Attempt<>() {
      @Override
      public String startReport() {
        return started;
      }

      @Override
      public Uni<String> end() {
        return end;
      }
    };
  }
}
