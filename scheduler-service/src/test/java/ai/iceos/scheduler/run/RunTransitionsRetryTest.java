package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunTransitionsRetryTest {
  private static final Failure TRANSIENT = Failure.retryable("tool-error", "transient");

  @ParameterizedTest(name = "{0}: waits {1} ms, {2} ms, {3} ms")
  @CsvSource({
    "FIXED, 2000, 2000, 2000",
    "LINEAR, 2000, 4000, 6000",
    "EXPONENTIAL, 2000, 4000, 8000"
  })
  void shouldWaitPerBackoffStrategyBeforeEachRetry(
      BackoffStrategy strategy, long first, long second, long third) {
    RunDriver run =
        RunDriver.start(plan().tool("a").retry("a", new RetryPolicy(4, strategy, 2)).build());

    for (long expectedWait : new long[] {first, second, third}) {
      int attempt = run.attempt("a");
      run.fail("a", TRANSIENT);

      RunEvent retrying = run.last(RunEventType.NODE_RETRYING);
      assertThat(retrying.data().get("attempt").asInt()).isEqualTo(attempt);
      assertThat(retrying.data().get("next_attempt").asInt()).isEqualTo(attempt + 1);
      assertThat(retrying.data().get("wait_seconds").decimalValue().movePointRight(3).longValue())
          .isEqualTo(expectedWait);
      assertThat(run.state.nextRetryAt()).contains(run.now.plusMillis(expectedWait));

      assertThat(run.advance(Duration.ofMillis(expectedWait - 1)).changed()).isFalse();
      run.advance(Duration.ofMillis(1));
      assertThat(run.attempt("a")).isEqualTo(attempt + 1);
      assertThat(run.status("a")).isEqualTo(NodeStatus.QUEUED);
      assertThat(run.tasks.getLast().taskId()).isEqualTo("exec-1:a:" + (attempt + 1));
    }

    run.fail("a", TRANSIENT);
    assertThat(run.status("a")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void shouldTreatRetryAfterAsALowerBoundOfTheWait() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").retry("a", new RetryPolicy(3, BackoffStrategy.FIXED, 1)).build());

    run.fail("a", new Failure("rate-limited", "slow down", true, 5_000L));
    assertThat(run.state.nextRetryAt()).contains(run.now.plusMillis(5_000));
    assertThat(run.last(RunEventType.NODE_RETRYING).data().get("wait_seconds").asText())
        .isEqualTo("5");

    run.advance(Duration.ofSeconds(5));
    run.fail("a", new Failure("rate-limited", "slow down", true, 10L));
    assertThat(run.state.nextRetryAt()).contains(run.now.plusMillis(1_000));
  }

  @Test
  void shouldQueueTheRetryAtOnceWhenThereIsNoWait() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").retry("a", new RetryPolicy(2, BackoffStrategy.FIXED, 0)).build());

    run.fail("a", TRANSIENT);

    assertThat(run.eventNames())
        .endsWith("node.retrying:a", "node.queued:a")
        .doesNotContain("node.failed:a");
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:a:2");
    assertThat(run.tasks.getLast().attempt()).isEqualTo(2);
  }

  @Test
  void shouldFailAtOnceWhenTheFailureIsNotRetryable() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").retry("a", new RetryPolicy(5, BackoffStrategy.FIXED, 0)).build());

    run.fail("a", Failure.permanent("validation", "bad args"));

    assertThat(run.status("a")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.eventNames()).doesNotContain("node.retrying:a");
    assertThat(run.tasks).hasSize(1);
  }

  @Test
  void shouldIgnoreAnOutcomeOfASupersededAttempt() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").retry("a", new RetryPolicy(3, BackoffStrategy.FIXED, 0)).build());
    run.fail("a", TRANSIENT);
    assertThat(run.attempt("a")).isEqualTo(2);

    Transition late = run.complete("a", 1, RunDriver.output("late"), null);

    assertThat(late.changed()).isFalse();
    assertThat(run.status("a")).isEqualTo(NodeStatus.QUEUED);

    run.complete("a", 2, RunDriver.output("fresh"), null);
    assertThat(run.state.node("a").output()).isEqualTo(RunDriver.output("fresh"));
  }
}
