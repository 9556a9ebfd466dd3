package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.human;
import static ai.iceos.scheduler.run.Plans.loop;
import static ai.iceos.scheduler.run.Plans.monitor;
import static ai.iceos.scheduler.run.Plans.nestedTool;
import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.Limits;
import ai.iceos.contracts.blueprint.MonitorAction;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code RetryRun} and {@code ResumeRun} (decision 0113). */
class RunTransitionsRetryRunTest {
  private static final Failure BOOM = Failure.permanent("tool-error", "boom");

  @Test
  void shouldReRunFailedAndSkippedNodesReusingSucceededOutputs() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("c").tool("b", "a").build());
    run.complete("c", RunDriver.output("kept"));
    run.fail("a", BOOM);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.status("b")).isEqualTo(NodeStatus.SKIPPED);
    long lastSequence = run.events.getLast().sequence();

    run.retry();

    RunEvent resumed = run.last(RunEventType.WORKFLOW_RESUMED);
    assertThat(resumed.sequence()).isEqualTo(lastSequence + 1);
    assertThat(resumed.data().get("reason").asText()).isEqualTo("retry");
    assertThat(resumed.data().get("reset_nodes").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(run.state.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:c:1", "exec-1:a:2");
    run.complete("a");
    run.complete("b");

    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    JsonNode output = run.last(RunEventType.WORKFLOW_COMPLETED).data().get("output");
    assertThat(output.get("c").get("value").asText()).isEqualTo("kept");
    assertThat(run.events)
        .extracting(RunEvent::sequence)
        .containsExactly(
            java.util.stream.LongStream.rangeClosed(1, run.events.size())
                .boxed()
                .toArray(Long[]::new));
  }

  @Test
  void shouldRunALoopOnFromTheFailedIterationOnRetry() {
    JsonNode inputs =
        JsonNodeFactory.instance
            .objectNode()
            .set("names", JsonNodeFactory.instance.arrayNode().add("x").add("y"));
    RunDriver run =
        RunDriver.start(
            plan()
                .node(loop("fan", "inputs.names", List.of(nestedTool("greet")), false, null, null))
                .build(),
            inputs);
    run.complete("fan[0].greet", RunDriver.output("x"));
    run.fail("fan[1].greet", BOOM);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);

    run.retry();

    assertThat(run.status("fan")).isEqualTo(NodeStatus.RUNNING);
    assertThat(run.taskIds()).endsWith("exec-1:fan[1].greet:2");
    run.complete("fan[1].greet", RunDriver.output("y"));
    assertThat(run.state.node("fan").output().toString())
        .isEqualTo("[{\"value\":\"x\"},{\"value\":\"y\"}]");
    assertThat(run.taskIds()).filteredOn(id -> id.startsWith("exec-1:fan[0]")).hasSize(1);
  }

  @Test
  void shouldRestartAMonitorNestedInALoopBodyFromScratchOnRetry() {
    JsonNode inputs =
        JsonNodeFactory.instance
            .objectNode()
            .set("names", JsonNodeFactory.instance.arrayNode().add("x"));
    RunDriver run =
        RunDriver.start(
            plan()
                .node(
                    loop(
                        "fan",
                        "inputs.names",
                        List.of(
                            nestedTool("work"),
                            monitor("watch", "total_nodes >= 0", MonitorAction.ALERT_ONLY, 5)),
                        false,
                        null,
                        null))
                .build(),
            inputs);
    assertThat(run.eventNames()).containsOnlyOnce("node.alert:fan[0].watch");
    run.fail("fan[0].work", BOOM);
    assertThat(run.status("fan[0].watch")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    run.advance(Duration.ofSeconds(60));

    run.retry();

    assertThat(run.last(RunEventType.WORKFLOW_RESUMED).data().get("reset_nodes").toString())
        .isEqualTo("[\"fan\",\"fan[0].work\",\"fan[0].watch\"]");
    assertThat(run.status("fan[0].watch")).isEqualTo(NodeStatus.RUNNING);
    assertThat(run.eventNames().stream().filter("node.alert:fan[0].watch"::equals)).hasSize(2);
    assertThat(run.state.nextWakeAt()).contains(run.now.plusSeconds(5));
    run.complete("fan[0].work");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    JsonNode watched = run.state.node("fan[0].watch").output();
    assertThat(watched.get("checks_performed").asInt()).isEqualTo(1);
    assertThat(watched.get("triggers_fired").asInt()).isEqualTo(1);
  }

  @Test
  void shouldGiveBackTheBudgetCountOfNodesItRunsAgain() {
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("a")
                .tool("b")
                .limits(new Limits(null, null, null, null, null, 2, null, null, null))
                .build());
    run.complete("a");
    run.fail("b", BOOM);

    run.retry();

    assertThat(run.taskIds()).endsWith("exec-1:b:2");
    run.complete("b");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void shouldNeverResumeOrRetryACancelledOrCompletedExecution() {
    RunDriver cancelled = RunDriver.start(plan().tool("a").build());
    cancelled.cancel();
    assertThat(cancelled.retry().changed()).isFalse();
    assertThat(cancelled.resume().changed()).isFalse();
    assertThat(cancelled.state.status()).isEqualTo(RunStatus.CANCELLED);

    RunDriver completed = RunDriver.start(plan().tool("a").build());
    completed.complete("a");
    assertThat(completed.retry().changed()).isFalse();
    assertThat(completed.resume().changed()).isFalse();

    RunDriver running = RunDriver.start(plan().tool("a").build());
    assertThat(running.resume().changed()).isFalse();
    assertThat(running.retry().changed()).isFalse();
  }

  @Test
  void shouldCancelAPausedExecutionForGood() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(monitor("watch", "total_tokens >= 0", MonitorAction.PAUSE, 5))
                .tool("a")
                .build());
    assertThat(run.state.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(run.taskIds()).isEmpty();

    run.cancel();

    assertThat(run.state.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.resume().changed()).isFalse();
    assertThat(run.retry().changed()).isFalse();
  }

  @Test
  void shouldNotCountThePauseAgainstAWaitingHumanNodeOrTheRunTimeout() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(human("review", 60, null))
                .tool("a")
                .node(monitor("watch", "total_tokens > 10", MonitorAction.PAUSE, 1))
                .limits(new Limits(null, null, null, 90, null, null, null, null, null))
                .eager()
                .build());
    run.complete("a", run.attempt("a"), RunDriver.output("a"), new Usage(5, 10, 15, 0, 1));
    run.advance(Duration.ofSeconds(1));
    assertThat(run.state.status()).isEqualTo(RunStatus.PAUSED);

    run.advance(Duration.ofSeconds(120));
    run.resume();
    run.advance(Duration.ofSeconds(30));

    assertThat(run.status("review")).isEqualTo(NodeStatus.WAITING);
    assertThat(run.state.status()).isEqualTo(RunStatus.RUNNING);
    run.advance(Duration.ofSeconds(30));
    assertThat(run.status("review")).isEqualTo(NodeStatus.FAILED);
  }
}
