package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.Limits;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunTransitionsGuardTest {

  private static Limits limits(Long tokens, Integer depth, Integer timeout, Integer maxTools) {
    return new Limits(tokens, depth, null, timeout, null, maxTools, null, null, null);
  }

  @Test
  void shouldNotRunLevelsBeyondTheDepthCeiling() {
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("a")
                .tool("b", "a")
                .tool("c", "b")
                .limits(limits(null, 2, null, null))
                .build());
    run.complete("a");
    run.complete("b");

    assertThat(run.status("c")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.state.node("c").skipReason()).isEqualTo("Depth ceiling reached");
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.last(RunEventType.WORKFLOW_FAILED).data().get("errors").toString())
        .isEqualTo("[\"Depth ceiling reached\"]");
  }

  @Test
  void shouldStartNothingNewOnceTokensExceedTheCeiling() {
    RunDriver run =
        RunDriver.start(
            plan().llm("a").llm("b").llm("c", "a").limits(limits(100L, null, null, null)).build());
    run.complete("a", 1, RunDriver.output("x"), new Usage(80, 40, 120, 0, 1));

    assertThat(run.status("c")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.state.node("c").skipReason()).isEqualTo("Token ceiling exceeded");
    assertThat(run.status("b")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.cancellations).extracting(c -> c.nodeId()).containsExactly("b");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.last(RunEventType.WORKFLOW_FAILED).data().get("errors").toString())
        .isEqualTo("[\"Token ceiling exceeded\"]");
  }

  @Test
  void shouldFailTheNodeThatWouldExceedAToolBudgetBeforeItRuns() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").tool("b").tool("c").limits(limits(null, null, null, 2)).build());

    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1");
    assertThat(run.status("c")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("c").failure().message())
        .isEqualTo("Tool execution budget exceeded (max=2, current=3)");
    assertThat(run.state.node("c").failure().retryable()).isFalse();
  }

  @Test
  void shouldFailTheRunWhenItsTimeoutRunsOutAndInterruptRunningTasks() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").tool("b", "a").limits(limits(null, null, 20, null)).build());
    run.started("a");
    assertThat(run.state.nextWakeAt()).contains(run.now.plusSeconds(20));

    assertThat(run.advance(Duration.ofSeconds(19)).changed()).isFalse();
    run.advance(Duration.ofSeconds(1));

    assertThat(run.status("a")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.status("b")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.cancellations.getLast().nodeId()).isNull();
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.last(RunEventType.WORKFLOW_FAILED).data().get("errors").toString())
        .contains("Execution timeout exceeded (timeout_seconds=20)");
  }

  @Test
  void shouldFailAnAttemptWhoseWorkerWentSilentAndRetryIt() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").retry("a", new RetryPolicy(2, BackoffStrategy.FIXED, 0)).build());
    run.started("a");
    assertThat(run.state.nextWakeAt()).contains(run.now.plusSeconds(40));

    assertThat(run.advance(Duration.ofSeconds(39)).changed()).isFalse();
    run.advance(Duration.ofSeconds(1));

    // the silent attempt is sent again as a new one, without spending the node's retries
    assertThat(run.eventNames()).contains("node.retrying:a");
    assertThat(run.last(RunEventType.NODE_RETRYING).data().path("error").asText())
        .contains("No report from the worker of attempt 1")
        .contains("sent again as attempt 2");
    assertThat(run.state.node("a").failure().type()).isEqualTo("worker_lost");
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:a:2");
    assertThat(run.cancellations).extracting(c -> c.nodeId()).containsExactly("a");
    assertThat(run.complete("a", 1, RunDriver.output("late"), null).changed()).isFalse();
    for (int lost = 2; lost <= RunTransitions.MAX_LOST_ATTEMPTS; lost++) {
      run.started("a");
      run.advance(Duration.ofSeconds(40));
    }
    assertThat(run.attempt("a")).isEqualTo(1 + RunTransitions.MAX_LOST_ATTEMPTS);

    // past the bound the silence is a timeout, and the node's own retry policy applies
    run.started("a");
    run.advance(Duration.ofSeconds(40));
    assertThat(run.status("a")).isEqualTo(NodeStatus.QUEUED);
    assertThat(run.state.node("a").failure().type()).isEqualTo("timeout");
    assertThat(run.state.node("a").failure().message()).contains("sent again 3 times");

    run.started("a");
    run.advance(Duration.ofSeconds(40));
    assertThat(run.status("a")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("a").failure().type()).isEqualTo("timeout");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void shouldCompleteANodeWhoseSilentAttemptWasSentAgainWithNoRetriesConfigured() {
    RunDriver run = RunDriver.start(plan().tool("a").build());
    run.started("a");

    run.advance(Duration.ofSeconds(40));
    run.started("a");
    run.complete("a", RunDriver.output("done"));

    assertThat(run.status("a")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.attempt("a")).isEqualTo(2);
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
  }
}
