package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A worker leaves out {@code NodeStarted} for an attempt that ends quickly and reports the start in
 * its completion or failure (decision 0104): the scheduler records the start first, in the same
 * transition.
 */
class RunTransitionsReportedStartTest {
  private static final Failure TRANSIENT = Failure.retryable("tool-error", "transient");
  private static final Failure PERMANENT = Failure.permanent("validation", "bad");

  @Test
  void shouldRecordTheStartBeforeTheCompletionOfAQueuedNode() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b", "a").build());
    long sequenceBefore = run.events.getLast().sequence();
    run.now = run.now.plusMillis(40);
    Instant startedAt = run.now.minusMillis(25);

    Transition done = run.completeWithStart("a", startedAt);

    assertThat(done.events())
        .extracting(RunDriver::describe)
        .startsWith("node.started:a", "node.completed:a", "level.completed");
    RunEvent started = done.events().getFirst();
    assertThat(started.data().toString()).isEqualTo("{\"attempt\":1,\"worker_id\":\"worker-9\"}");
    assertThat(started.timestamp()).isEqualTo(startedAt);
    assertThat(done.events().get(1).timestamp()).isEqualTo(run.now);
    assertThat(done.events())
        .extracting(RunEvent::sequence)
        .startsWith(sequenceBefore + 1, sequenceBefore + 2, sequenceBefore + 3);
    assertThat(run.status("a")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.state.node("a").startedAt()).isEqualTo(startedAt);
    assertThat(run.state.node("a").deadlineAt()).isNull();
    assertThat(run.status("b")).isEqualTo(NodeStatus.QUEUED);
    assertThat(run.eventNames())
        .containsSubsequence(
            "node.queued:a", "node.started:a", "node.completed:a", "node.queued:b");
  }

  @Test
  void shouldRecordTheStartBeforeAFinalFailureOfAQueuedNode() {
    RunDriver run = RunDriver.start(plan().tool("a").build());
    Instant startedAt = run.now.plusMillis(2);
    run.now = run.now.plusMillis(10);

    Transition failed = run.failWithStart("a", PERMANENT, startedAt);

    assertThat(failed.events())
        .extracting(RunDriver::describe)
        .startsWith("node.started:a", "node.failed:a");
    assertThat(failed.events().getFirst().timestamp()).isEqualTo(startedAt);
    assertThat(run.status("a")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("a").startedAt()).isEqualTo(startedAt);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void shouldRecordTheStartBeforeARetryAndQueueTheNextAttempt() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").retry("a", new RetryPolicy(2, BackoffStrategy.FIXED, 1)).build());
    Instant startedAt = run.now.plusMillis(1);
    run.now = run.now.plusMillis(5);

    Transition retrying = run.failWithStart("a", TRANSIENT, startedAt);

    assertThat(retrying.events())
        .extracting(RunDriver::describe)
        .containsExactly("node.started:a", "node.retrying:a");
    assertThat(run.status("a")).isEqualTo(NodeStatus.RETRYING);

    run.advance(Duration.ofSeconds(1));
    Transition second = run.completeWithStart("a", run.now);

    assertThat(run.attempt("a")).isEqualTo(2);
    assertThat(second.events().getFirst().data().get("attempt").asInt()).isEqualTo(2);
    assertThat(run.eventNames())
        .containsSubsequence(
            "node.queued:a",
            "node.started:a",
            "node.retrying:a",
            "node.queued:a",
            "node.started:a",
            "node.completed:a",
            "workflow.completed");
  }

  @Test
  void shouldNeverDateTheStartAfterNow() {
    RunDriver run = RunDriver.start(plan().tool("a").build());

    Transition done = run.completeWithStart("a", run.now.plusSeconds(3));

    assertThat(done.events().getFirst().timestamp()).isEqualTo(run.now);
    assertThat(run.state.node("a").startedAt()).isEqualTo(run.now);
  }

  @Test
  void shouldNotRecordTheStartTwiceWhenNodeStartedWasApplied() {
    RunDriver run = RunDriver.start(plan().tool("a").build());
    run.started("a");
    Instant appliedStart = run.now;
    run.now = run.now.plusSeconds(2);

    Transition done = run.completeWithStart("a", appliedStart.plusMillis(7));

    assertThat(done.events())
        .extracting(RunDriver::describe)
        .containsExactly("node.completed:a", "level.completed", "workflow.completed");
    assertThat(run.eventNames()).containsOnlyOnce("node.started:a");
    assertThat(run.state.node("a").startedAt()).isEqualTo(appliedStart);
  }

  @Test
  void shouldCompleteAQueuedNodeWithoutAStartWhenTheReportCarriesNone() {
    RunDriver run = RunDriver.start(plan().tool("a").build());

    Transition done = run.complete("a");

    assertThat(done.events())
        .extracting(RunDriver::describe)
        .containsExactly("node.completed:a", "level.completed", "workflow.completed");
    assertThat(run.state.node("a").startedAt()).isNull();
  }

  @Test
  void shouldIgnoreADuplicateOrAStaleReportWithAStart() {
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("a")
                .tool("b", "a")
                .retry("a", new RetryPolicy(2, BackoffStrategy.FIXED, 1))
                .build());
    run.fail("a", TRANSIENT);
    run.advance(Duration.ofSeconds(1));
    int events = run.events.size();

    Transition stale =
        run.apply(
            new NodeCompleted(
                UUID.randomUUID(),
                "exec-1:a:1",
                RunDriver.EXECUTION,
                "a",
                1,
                RunDriver.output("stale"),
                null,
                3,
                false,
                run.now,
                run.now,
                "worker-9"));
    assertThat(stale.changed()).isFalse();

    run.completeWithStart("a", run.now);
    int afterFirst = run.events.size();
    Transition duplicate = run.completeWithStart("a", run.now);

    assertThat(duplicate.changed()).isFalse();
    assertThat(run.events).hasSize(afterFirst);
    assertThat(run.events.subList(events, afterFirst))
        .extracting(RunDriver::describe)
        .startsWith("node.started:a", "node.completed:a");
  }

  @Test
  void shouldIgnoreANodeStartedThatArrivesAfterTheEnd() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b").build());
    run.completeWithStart("a", run.now);

    Transition late = run.started("a");

    assertThat(late.changed()).isFalse();
    assertThat(run.eventNames()).containsOnlyOnce("node.started:a");
  }
}
