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
  }

  @Test
  void shouldPassOnAFailureOfTheAttempt() {
    end.completeExceptionally(new IllegalStateException("bug"));

    var reports = subscribe(Duration.ofHours(1));

    reports.awaitFailure(WAIT);
    assertThat(reports.getFailure()).hasMessage("bug");
    assertThat(reports.getItems()).isEmpty();
  }

  private AssertSubscriber<String> subscribe(Duration delay) {
    return HeldStart.reports("started", finished, delay, timers)
        .subscribe()
        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
  }
}
