package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.monitor;
import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.MonitorAction;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunTransitionsMonitorTest {
  private static final Usage TOKENS_150 = new Usage(100, 50, 150, 2_000, 1);

  private static void completeWithTokens(RunDriver run, String nodeId) {
    run.complete(nodeId, run.attempt(nodeId), RunDriver.output(nodeId), TOKENS_150);
  }

  @Test
  void shouldAlertOnceWhenTheMetricBecomesTrueAndCompleteWhenNothingElseRuns() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(monitor("watch", "total_tokens > 100", MonitorAction.ALERT_ONLY, 5))
                .tool("a")
                .tool("b", "a")
                .build());

    assertThat(run.status("watch")).isEqualTo(NodeStatus.RUNNING);
    assertThat(run.state.nextWakeAt()).contains(run.now.plusSeconds(5));
    completeWithTokens(run, "a");
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1");

    run.advance(Duration.ofSeconds(5));
    run.advance(Duration.ofSeconds(5));

    assertThat(run.eventNames()).containsOnlyOnce("node.alert:watch");
    JsonNode alert = run.last(RunEventType.NODE_ALERT).data();
    assertThat(alert.get("action").asText()).isEqualTo("alert_only");
    assertThat(alert.get("metrics").get("total_tokens").asLong()).isEqualTo(150);
    assertThat(alert.get("alert_channels").get(0).asText()).isEqualTo("dashboard");
    run.complete("b");

    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    JsonNode output = run.state.node("watch").output();
    assertThat(output.get("metric_evaluated").asText()).isEqualTo("total_tokens > 100");
    assertThat(output.get("triggered").asBoolean()).isTrue();
    assertThat(output.get("action_taken").asText()).isEqualTo("alert_only");
    assertThat(output.get("checks_performed").asInt()).isEqualTo(3);
    assertThat(output.get("triggers_fired").asInt()).isEqualTo(1);
  }

  @Test
  void shouldCarryTheChannelsTheExpressionAndTheMetricValuesInTheAlertEvent() {
    NodeSpec watch =
        Plans.spec(
            """
            {"type": "monitor", "id": "watch",
             "metric_expression": "total_tokens > 100 and failed_nodes == 0",
             "action_on_trigger": "alert_only", "alert_channels": ["slack", "webhook", "email"],
             "check_interval_seconds": 5}""");
    RunDriver run = RunDriver.start(plan().node(watch).tool("a").tool("b", "a").build());
    completeWithTokens(run, "a");

    run.advance(Duration.ofSeconds(5));

    JsonNode alert = run.last(RunEventType.NODE_ALERT).data();
    assertThat(run.last(RunEventType.NODE_ALERT).nodeId()).isEqualTo("watch");
    assertThat(alert.get("metric_expression").asText())
        .isEqualTo("total_tokens > 100 and failed_nodes == 0");
    assertThat(alert.get("action").asText()).isEqualTo("alert_only");
    assertThat(alert.get("alert_channels").toString())
        .isEqualTo("[\"slack\",\"webhook\",\"email\"]");
    assertThat(alert.get("metrics").get("total_tokens").asLong()).isEqualTo(150);
    assertThat(alert.get("metrics").get("failed_nodes").asInt()).isZero();
    assertThat(alert.get("metrics").get("llm_calls").asInt()).isEqualTo(1);
    assertThat(alert.get("metrics").get("elapsed_seconds").decimalValue())
        .isEqualByComparingTo("5");
    assertThat(alert.get("trigger").asInt()).isEqualTo(1);
    assertThat(alert.get("check").asInt()).isEqualTo(2);
  }

  @Test
  void shouldSendAnEmptyChannelListWhenTheMonitorNamesNone() {
    NodeSpec watch =
        Plans.spec(
            "{\"type\": \"monitor\", \"id\": \"watch\", \"metric_expression\": \"total_nodes >= 0\"}");

    RunDriver run = RunDriver.start(plan().node(watch).tool("a").build());

    JsonNode alert = run.last(RunEventType.NODE_ALERT).data();
    assertThat(alert.get("alert_channels").isArray()).isTrue();
    assertThat(alert.get("alert_channels")).isEmpty();
    assertThat(alert.get("action").asText()).isEqualTo("alert_only");
  }

  @Test
  void shouldPauseLetRunningNodesFinishAndGoOnOnlyWhenResumed() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(monitor("watch", "total_tokens > 100", MonitorAction.PAUSE, 5))
                .tool("a")
                .tool("c")
                .tool("d", "c")
                .eager()
                .build());
    completeWithTokens(run, "a");
    run.started("c");

    run.advance(Duration.ofSeconds(5));

    assertThat(run.state.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(run.last(RunEventType.WORKFLOW_PAUSED).data().get("reason").asText())
        .isEqualTo("Paused by monitor watch");
    run.complete("c");
    assertThat(run.status("c")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.taskIds()).doesNotContain("exec-1:d:1");
    assertThat(run.advance(Duration.ofMinutes(10)).changed()).isFalse();
    assertThat(run.state.nextWakeAt()).isEmpty();

    run.resume();

    assertThat(run.state.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.last(RunEventType.WORKFLOW_RESUMED).data().get("paused_seconds").asInt())
        .isEqualTo(600);
    assertThat(run.taskIds()).endsWith("exec-1:d:1");
    run.advance(Duration.ofSeconds(5)); // still over the threshold: no second pause
    assertThat(run.state.status()).isEqualTo(RunStatus.RUNNING);
    run.complete("d");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.events).extracting(e -> e.sequence()).doesNotHaveDuplicates();
  }

  @Test
  void shouldResendTheTaskOfAQueuedNodeOfAPausedExecutionAfterARestart() {
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("a")
                .tool("b")
                .node(monitor("watch", "total_tokens >= 0", MonitorAction.PAUSE, 5, "a"))
                .eager()
                .build());
    run.complete("a");
    assertThat(run.state.status()).isEqualTo(RunStatus.PAUSED);

    Transition resent = RunTransitions.resendQueued(run.state, run.now);

    assertThat(resent.tasks()).extracting(t -> t.taskId()).containsExactly("exec-1:b:1");
    assertThat(resent.events()).isEmpty();
  }

  @Test
  void shouldAbortTheExecutionInterruptingRunningAttempts() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(monitor("watch", "llm_calls >= 1", MonitorAction.ABORT, 2))
                .tool("a")
                .tool("b", "a")
                .tool("c", "b")
                .build());
    completeWithTokens(run, "a");
    run.started("b");

    run.advance(Duration.ofSeconds(2));

    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.status("b")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("b").failure().type()).isEqualTo("aborted");
    assertThat(run.status("c")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.cancellations).extracting(c -> c.nodeId()).containsNull();
    assertThat(run.last(RunEventType.WORKFLOW_FAILED).data().get("errors").toString())
        .contains("Aborted by monitor watch");
    assertThat(run.state.node("watch").output().get("action_taken").asText()).isEqualTo("abort");
  }

  @Test
  void shouldFailAMonitorWhoseExpressionNamesAnUnknownMetric() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(monitor("watch", "tokens_burnt > 1", MonitorAction.ALERT_ONLY, null))
                .tool("a")
                .build());

    assertThat(run.status("watch")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("watch").failure().message())
        .isEqualTo("Template error in metric_expression: 'tokens_burnt' is undefined");
  }
}
