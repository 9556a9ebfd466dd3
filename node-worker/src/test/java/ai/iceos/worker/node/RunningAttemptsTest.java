package ai.iceos.worker.node;

import static ai.iceos.worker.node.Tasks.json;
import static ai.iceos.worker.node.Tasks.task;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RunningAttemptsTest {
  private final RunningAttempts attempts =
      new RunningAttempts(InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));

  @Test
  void shouldFailARunningAttemptAsCancelledAndCancelItsWork() {
    // given an attempt whose work never ends
    AtomicBoolean workCancelled = new AtomicBoolean();
    NodeTask task = task(ToolNodeSpec.of("n1", "sleep", json("{}")), "{}", 60_000);
    var subscriber =
        attempts
            .cancellable(
                task,
                Uni.createFrom().nothing().onCancellation().invoke(() -> workCancelled.set(true)))
            .subscribe()
            .withSubscriber(UniAssertSubscriber.create());
    assertThat(attempts.runningCount()).isEqualTo(1);

    // when
    int interrupted = attempts.cancel(cancel("exec-1", null, "user asked"));

    // then
    assertThat(interrupted).isEqualTo(1);
    var failure = (NodeFailureException) subscriber.awaitFailure().getFailure();
    assertThat(failure.failure())
        .isEqualTo(Failure.permanent("cancelled", "Cancelled: user asked"));
    assertThat(workCancelled).isTrue();
    assertThat(attempts.runningCount()).isZero();
  }

  @Test
  void shouldLeaveOtherExecutionsAndNodesRunning() {
    NodeTask task = task(ToolNodeSpec.of("n1", "sleep", json("{}")), "{}", 60_000);
    var subscriber =
        attempts
            .cancellable(task, Uni.createFrom().nothing())
            .subscribe()
            .withSubscriber(UniAssertSubscriber.create());

    assertThat(attempts.cancel(cancel("exec-2", null, null))).isZero();
    assertThat(attempts.cancel(cancel("exec-1", "other-node", null))).isZero();

    subscriber.assertNotTerminated();
    assertThat(attempts.runningCount()).isEqualTo(1);
  }

  @Test
  void shouldFailATaskOfAnAlreadyCancelledExecutionWithoutRunningIt() {
    attempts.cancel(cancel("exec-1", null, null));
    AtomicBoolean ran = new AtomicBoolean();

    var failure =
        attempts
            .cancellable(
                task(ToolNodeSpec.of("late", "echo", json("{}")), "{}", 1_000),
                Uni.createFrom().item(() -> ran.getAndSet(true)))
            .subscribe()
            .withSubscriber(UniAssertSubscriber.create())
            .awaitFailure(Duration.ofSeconds(5))
            .getFailure();

    assertThat(((NodeFailureException) failure).failure().type()).isEqualTo("cancelled");
    assertThat(ran).isFalse();
  }

  @Test
  void shouldPassResultsThroughWhenNotCancelled() {
    var result =
        attempts
            .cancellable(
                task(ToolNodeSpec.of("n", "echo", json("{}")), "{}", 1_000),
                Uni.createFrom().item("done"))
            .await()
            .atMost(Duration.ofSeconds(5));

    assertThat(result).isEqualTo("done");
    assertThat(attempts.runningCount()).isZero();
  }

  private static CancelTasks cancel(String execution, String node, String reason) {
    return new CancelTasks(UUID.randomUUID(), execution, node, reason, Instant.now());
  }
}
