package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTransitionsFailurePolicyTest {
  private static final Failure BOOM = Failure.permanent("tool-error", "boom");

  @Test
  void shouldSkipTransitiveDependentsAndContinueIndependentNodesWhenContinueIfPossible() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").tool("d").tool("b", "a").tool("c", "b").tool("e", "d").build());

    run.fail("a", BOOM);

    assertThat(run.status("b")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.status("c")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(skipReasons(run))
        .containsExactly("b:dependency 'a' failed", "c:dependency 'a' failed");
    assertThat(run.state.status()).isEqualTo(RunStatus.RUNNING);

    run.complete("d");
    assertThat(run.taskIds()).contains("exec-1:e:1").doesNotContain("exec-1:b:1", "exec-1:c:1");
    run.complete("e");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    RunEvent terminal = run.events.getLast();
    assertThat(terminal.eventType()).isEqualTo(RunEventType.WORKFLOW_FAILED);
    assertThat(terminal.data().get("errors").toString()).isEqualTo("[\"Node a failed: boom\"]");
    assertThat(terminal.data().get("output").fieldNames()).toIterable().containsExactly("d", "e");
  }

  @Test
  void shouldReportTheFinalFailureWithItsDetails() {
    RunDriver run = RunDriver.start(plan().tool("a").build());

    run.fail("a", BOOM);

    RunEvent failed = run.last(RunEventType.NODE_FAILED);
    assertThat(failed.nodeId()).isEqualTo("a");
    assertThat(failed.data().toString())
        .isEqualTo(
            "{\"attempt\":1,\"error\":\"boom\",\"failure\":{\"type\":\"tool-error\","
                + "\"message\":\"boom\",\"retryable\":false},\"duration_ms\":7}");
  }

  @Test
  void shouldStartNothingNewAndSkipNeverStartedNodesWhenHaltOnFirstError() {
    RunDriver run =
        RunDriver.start(
            plan()
                .policy(FailurePolicy.HALT_ON_FIRST_ERROR)
                .tool("a")
                .tool("b")
                .tool("c")
                .tool("d", "b")
                .maxParallel(2)
                .build());
    run.started("b");

    run.fail("a", BOOM);

    assertThat(run.status("b")).isEqualTo(NodeStatus.RUNNING);
    assertThat(run.status("c")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.status("d")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(skipReasons(run)).containsExactly("c:halted", "d:halted");
    assertThat(run.state.status()).isEqualTo(RunStatus.RUNNING);

    run.complete("b");

    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.eventNames()).endsWith("node.completed:b", "level.completed", "workflow.failed");
    assertThat(run.last(RunEventType.WORKFLOW_FAILED).data().get("output").has("b")).isTrue();
  }

  @Test
  void shouldSkipAQueuedNodeThatHasNotStartedWhenHaltedAndTellWorkersToDropIt() {
    RunDriver run =
        RunDriver.start(
            plan().policy(FailurePolicy.HALT_ON_FIRST_ERROR).tool("a").tool("b").build());

    run.fail("a", BOOM);

    assertThat(run.status("b")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.state.node("b").skipReason()).isEqualTo("halted");
    assertThat(run.cancellations).hasSize(1);
    assertThat(run.cancellations.getFirst().nodeId()).isEqualTo("b");
    assertThat(run.cancellations.getFirst().executionId()).isEqualTo(RunDriver.EXECUTION);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.started("b").changed()).isFalse();
  }

  @Test
  void shouldEndAWaitingRetryAsFailedWhenAnotherNodeHalts() {
    RetryPolicy slow = new RetryPolicy(3, BackoffStrategy.FIXED, 60);
    RunDriver run =
        RunDriver.start(
            plan()
                .policy(FailurePolicy.HALT_ON_FIRST_ERROR)
                .tool("a")
                .tool("b")
                .retry("b", slow)
                .build());
    run.fail("b", Failure.retryable("timeout", "slow"));
    assertThat(run.status("b")).isEqualTo(NodeStatus.RETRYING);

    run.fail("a", BOOM);

    assertThat(run.status("b")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.last(RunEventType.WORKFLOW_FAILED).data().get("errors").toString())
        .isEqualTo("[\"Node a failed: boom\",\"Node b failed: slow\"]");
    assertThat(run.state.nextRetryAt()).isEmpty();
  }

  @Test
  void shouldRunDependentsWithNullForTheFailedDependencyWhenAlwaysContinue() {
    RunDriver run =
        RunDriver.start(
            plan().policy(FailurePolicy.ALWAYS_CONTINUE).tool("a").tool("b", "a").build());

    run.fail("a", BOOM);

    NodeTask task = run.tasks.getLast();
    assertThat(task.nodeId()).isEqualTo("b");
    assertThat(task.scope().has("a")).isTrue();
    assertThat(task.scope().get("a").isNull()).isTrue();

    run.complete("b");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.last(RunEventType.WORKFLOW_FAILED).data().get("errors").toString())
        .isEqualTo("[\"Node a failed: boom\"]");
  }

  @Test
  void shouldPreferTheRunOptionsOverThePlanSettings() {
    RunDriver run =
        RunDriver.start(
            plan().tool("a").tool("b").tool("c", "a").build(),
            new RunOptions(1, FailurePolicy.ALWAYS_CONTINUE, null));
    assertThat(run.taskIds()).containsExactly("exec-1:a:1");

    run.fail("a", BOOM);
    run.complete("b");

    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1", "exec-1:c:1");
  }

  private static List<String> skipReasons(RunDriver run) {
    return run.events.stream()
        .filter(e -> e.eventType() == RunEventType.NODE_SKIPPED)
        .map(e -> e.nodeId() + ":" + e.data().get("reason").asText())
        .toList();
  }
}
