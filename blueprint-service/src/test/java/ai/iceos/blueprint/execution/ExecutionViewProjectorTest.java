package ai.iceos.blueprint.execution;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutionViewProjectorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ID = "11111111-1111-1111-1111-111111111111";

  private long sequence;

  @Test
  void shouldStartWithEveryPlannedNodePendingWithTypeAndLevel() {
    ExecutionView view = initial();

    assertThat(view.status()).isEqualTo(ExecutionStatus.PENDING);
    assertThat(view.nodes()).containsOnlyKeys("a", "b");
    assertThat(view.nodes().get("b").status()).isEqualTo(NodeStatus.PENDING);
    assertThat(view.nodes().get("b").type()).isEqualTo("tool");
    assertThat(view.nodes().get("b").level()).isEqualTo(1);
    assertThat(view.result().success()).isNull();
  }

  @Test
  void shouldFoldACompletedRunIntoStatusesOutputsAndUsage() {
    // given
    ExecutionView view = initial();

    // when
    view = apply(view, event(RunEventType.WORKFLOW_STARTED, null, "{}", 0));
    view = apply(view, event(RunEventType.NODE_QUEUED, "a", "{\"attempt\":1,\"level\":0}", 1));
    view = apply(view, event(RunEventType.NODE_STARTED, "a", "{\"attempt\":1}", 2));
    view =
        apply(
            view,
            event(
                RunEventType.NODE_COMPLETED,
                "a",
                "{\"attempt\":1,\"output\":{\"x\":1},\"duration_ms\":12,\"cache_hit\":false,"
                    + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7,"
                    + "\"cost_usd\":0.25,\"llm_calls\":1}}",
                3));
    view = apply(view, event(RunEventType.NODE_SKIPPED, "b", "{\"reason\":\"halted\"}", 4));
    view =
        apply(
            view,
            event(
                RunEventType.WORKFLOW_COMPLETED,
                null,
                "{\"output\":{\"a\":{\"x\":1}},\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,"
                    + "\"total_tokens\":7,\"cost_usd\":0.25,\"llm_calls\":1,\"tool_executions\":1}}",
                5));

    // then
    assertThat(view.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(view.startedAt()).isEqualTo(T0);
    assertThat(view.finishedAt()).isEqualTo(T0.plusSeconds(5));
    NodeView a = view.nodes().get("a");
    assertThat(a.status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(a.output().path("x").asInt()).isEqualTo(1);
    assertThat(a.durationMs()).isEqualTo(12L);
    assertThat(a.startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(a.finishedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(a.costUsd()).isEqualByComparingTo("0.25");
    assertThat(view.nodes().get("b").status()).isEqualTo(NodeStatus.SKIPPED);
    assertThat(view.nodes().get("b").error()).isEqualTo("halted");
    assertThat(view.result().success()).isTrue();
    assertThat(view.result().error()).isNull();
    assertThat(view.result().output()).containsKey("a");
    assertThat(view.usage().totalTokens()).isEqualTo(7);
    assertThat(view.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.25"));
    assertThat(view.usage().toolExecutions()).isEqualTo(1);
  }

  @Test
  void shouldJoinWorkflowFailedErrorsByNewline() {
    ExecutionView view =
        apply(
            initial(),
            event(
                RunEventType.NODE_FAILED,
                "a",
                "{\"attempt\":2,\"error\":\"boom\",\"duration_ms\":5}",
                1));
    view =
        apply(
            view,
            event(
                RunEventType.WORKFLOW_FAILED,
                null,
                "{\"errors\":[\"Node a failed: boom\",\"Depth ceiling reached\"],\"output\":{}}",
                2));

    assertThat(view.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(view.result().success()).isFalse();
    assertThat(view.result().error()).isEqualTo("Node a failed: boom\nDepth ceiling reached");
    assertThat(view.nodes().get("a").status()).isEqualTo(NodeStatus.FAILED);
    assertThat(view.nodes().get("a").attempts()).isEqualTo(2);
    assertThat(view.nodes().get("a").error()).isEqualTo("boom");
  }

  @Test
  void shouldShowRetryingWithTheErrorOfTheFailedAttempt() {
    ExecutionView view =
        apply(
            initial(),
            event(
                RunEventType.NODE_RETRYING,
                "a",
                "{\"attempt\":1,\"next_attempt\":2,\"wait_seconds\":1,\"error\":\"transient\"}",
                1));

    assertThat(view.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(view.nodes().get("a").status()).isEqualTo(NodeStatus.RETRYING);
    assertThat(view.nodes().get("a").error()).isEqualTo("transient");
  }

  @Test
  void shouldNeverChangeATerminalExecution() {
    ExecutionView cancelled =
        apply(
            apply(initial(), event(RunEventType.NODE_STARTED, "a", "{\"attempt\":1}", 1)),
            event(RunEventType.WORKFLOW_CANCELLED, null, "{\"reason\":\"user\"}", 2));

    ExecutionView after =
        apply(cancelled, event(RunEventType.WORKFLOW_COMPLETED, null, "{\"output\":{}}", 3));

    assertThat(after).isEqualTo(cancelled);
    assertThat(after.status()).isEqualTo(ExecutionStatus.CANCELLED);
    assertThat(after.nodes().get("a").status()).isEqualTo(NodeStatus.CANCELLED);
    assertThat(after.nodes().get("b").status()).isEqualTo(NodeStatus.CANCELLED);
  }

  @Test
  void shouldReopenAFailedExecutionOnRetryAndFoldTheReRunToItsNewEnd() {
    // given a run where a succeeded, b failed on attempt 2
    ExecutionView view = apply(initial(), event(RunEventType.WORKFLOW_STARTED, null, "{}", 0));
    view =
        apply(
            view,
            event(
                RunEventType.NODE_COMPLETED,
                "a",
                "{\"attempt\":1,\"output\":{\"x\":1},\"duration_ms\":3}",
                1));
    view = apply(view, event(RunEventType.NODE_STARTED, "b", "{\"attempt\":2}", 2));
    view =
        apply(view, event(RunEventType.NODE_FAILED, "b", "{\"attempt\":2,\"error\":\"boom\"}", 3));
    view =
        apply(
            view,
            event(
                RunEventType.WORKFLOW_FAILED,
                null,
                "{\"errors\":[\"Node b failed: boom\"],\"output\":{\"a\":{\"x\":1}}}",
                4));

    // when the scheduler retries it
    ExecutionView reopened =
        apply(
            view,
            event(
                RunEventType.WORKFLOW_RESUMED,
                null,
                "{\"reason\":\"retry\",\"retry\":1,\"reset_nodes\":[\"b\"]}",
                10));

    // then it runs again with b pending and a kept
    assertThat(reopened.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(reopened.result()).isEqualTo(RunResult.open());
    assertThat(reopened.finishedAt()).isNull();
    assertThat(reopened.startedAt()).isEqualTo(T0);
    NodeView b = reopened.nodes().get("b");
    assertThat(b.status()).isEqualTo(NodeStatus.PENDING);
    assertThat(b.error()).isNull();
    assertThat(b.finishedAt()).isNull();
    assertThat(b.attempts()).isEqualTo(2);
    assertThat(b.type()).isEqualTo("tool");
    assertThat(reopened.nodes().get("a")).isEqualTo(view.nodes().get("a"));

    // and the re-run's events and new terminal event apply
    ExecutionView done =
        apply(reopened, event(RunEventType.NODE_STARTED, "b", "{\"attempt\":3}", 11));
    assertThat(done.nodes().get("b").status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(done.nodes().get("b").startedAt()).isEqualTo(T0.plusSeconds(11));
    done =
        apply(
            done,
            event(
                RunEventType.NODE_COMPLETED,
                "b",
                "{\"attempt\":3,\"output\":{\"y\":2},\"duration_ms\":4}",
                12));
    done =
        apply(
            done,
            event(
                RunEventType.WORKFLOW_COMPLETED,
                null,
                "{\"output\":{\"a\":{\"x\":1},\"b\":{\"y\":2}}}",
                13));
    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(done.result().success()).isTrue();
    assertThat(done.result().output()).containsOnlyKeys("a", "b");
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(13));
    assertThat(done.nodes().get("b").status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(done.nodes().get("b").attempts()).isEqualTo(3);
  }

  @Test
  void shouldNotReopenOnAPlainResumeOrACancelledExecution() {
    ExecutionView failed =
        apply(
            initial(),
            event(RunEventType.WORKFLOW_FAILED, null, "{\"errors\":[\"Node a failed: x\"]}", 1));
    ExecutionView cancelled =
        apply(initial(), event(RunEventType.WORKFLOW_CANCELLED, null, "{\"reason\":\"u\"}", 1));
    String retry = "{\"reason\":\"retry\",\"retry\":1,\"reset_nodes\":[\"a\"]}";

    assertThat(
            apply(
                failed,
                event(
                    RunEventType.WORKFLOW_RESUMED,
                    null,
                    "{\"reason\":\"resume\",\"paused_seconds\":3}",
                    2)))
        .isEqualTo(failed);
    assertThat(apply(cancelled, event(RunEventType.WORKFLOW_RESUMED, null, retry, 2)))
        .isEqualTo(cancelled);
  }

  @Test
  void shouldPauseAndResumeWhileNodesRunOn() {
    ExecutionView view = apply(initial(), event(RunEventType.WORKFLOW_STARTED, null, "{}", 0));
    view = apply(view, event(RunEventType.NODE_STARTED, "a", "{\"attempt\":1}", 1));
    view =
        apply(
            view,
            event(
                RunEventType.NODE_ALERT,
                "m",
                "{\"metric_expression\":\"cost_usd > 1\",\"action\":\"pause\"}",
                2));
    view =
        apply(
            view,
            event(
                RunEventType.WORKFLOW_PAUSED,
                null,
                "{\"reason\":\"Paused by monitor m\",\"monitor\":\"m\"}",
                2));

    assertThat(view.status()).isEqualTo(ExecutionStatus.PAUSED);
    assertThat(view.nodes()).doesNotContainKey("m");
    view = apply(view, event(RunEventType.NODE_COMPLETED, "a", "{\"attempt\":1,\"output\":1}", 3));
    assertThat(view.status()).isEqualTo(ExecutionStatus.PAUSED);
    assertThat(view.nodes().get("a").status()).isEqualTo(NodeStatus.SUCCEEDED);

    view =
        apply(
            view,
            event(
                RunEventType.WORKFLOW_RESUMED,
                null,
                "{\"reason\":\"resume\",\"paused_seconds\":2}",
                4));
    assertThat(view.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(view.finishedAt()).isNull();
  }

  @Test
  void shouldTrackTokenAndCostUpdates() {
    ExecutionView view =
        apply(
            initial(),
            event(
                RunEventType.RESOURCE_TOKEN_UPDATE,
                "a",
                "{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}",
                1));
    view = apply(view, event(RunEventType.RESOURCE_COST_UPDATE, "a", "{\"cost_usd\":0.5}", 2));

    assertThat(view.usage().totalTokens()).isEqualTo(15);
    assertThat(view.usage().costUsd()).isEqualByComparingTo("0.5");
  }

  @Test
  void shouldSurviveAJsonRoundTripWithNullsPresent() throws Exception {
    ExecutionView view = initial();

    String json = IceosJson.mapper().writeValueAsString(view);
    ExecutionView back = IceosJson.mapper().readValue(json, ExecutionView.class);

    JsonNode tree = IceosJson.mapper().readTree(json);
    assertThat(tree.path("result").has("error")).isTrue();
    assertThat(tree.path("nodes").path("a").has("output")).isTrue();
    assertThat(tree.path("nodes").path("a").path("status").asText()).isEqualTo("pending");
    assertThat(back.nodes().keySet()).containsExactly("a", "b");
    assertThat(back.status()).isEqualTo(ExecutionStatus.PENDING);
  }

  @Test
  void shouldGiveANestedLoopNodeItsPlannedTypeAndLevelInsideTheBody() {
    // given
    ExecutionPlan plan = Plans.loopAfterTool();
    NestedNodes nested = NestedNodes.of(plan);
    ExecutionView view =
        ExecutionView.initial(ID, "bp", "lock", JsonNodeFactory.instance.objectNode(), plan, T0);
    view = ExecutionViewProjector.apply(view, event(RunEventType.WORKFLOW_STARTED, null, "{}", 0));

    // when
    view =
        ExecutionViewProjector.apply(
            view,
            event(
                RunEventType.NODE_QUEUED,
                "each[1].read",
                "{\"attempt\":1,\"level\":0,\"parent\":\"each[1]\"}",
                1),
            nested);
    view =
        ExecutionViewProjector.apply(
            view,
            event(RunEventType.NODE_SKIPPED, "each[1].double", "{\"reason\":\"halted\"}", 2),
            nested);

    // then
    NodeView read = view.nodes().get("each[1].read");
    assertThat(read.type()).isEqualTo("tool");
    assertThat(read.level()).isZero();
    assertThat(read.status()).isEqualTo(NodeStatus.QUEUED);
    NodeView twice = view.nodes().get("each[1].double");
    assertThat(twice.type()).isEqualTo("tool");
    assertThat(twice.level()).as("level inside the loop body").isEqualTo(1);
    assertThat(view.nodes().get("each").type()).isEqualTo("loop");
  }

  @Test
  void shouldLeaveANodeThePlanDoesNotKnowWithoutType() {
    // given
    NestedNodes nested = NestedNodes.of(Plans.loopAfterTool());
    ExecutionView view = apply(initial(), event(RunEventType.WORKFLOW_STARTED, null, "{}", 0));

    // when
    view =
        ExecutionViewProjector.apply(
            view,
            event(RunEventType.NODE_QUEUED, "ghost", "{\"attempt\":1,\"level\":0}", 1),
            nested);

    // then
    assertThat(view.nodes().get("ghost").type()).isNull();
    assertThat(view.nodes().get("ghost").level()).isZero();
  }

  @Test
  void shouldStartAHumanNodeWhenItStartsWaitingSoADecidedOneHasStartAndDuration() {
    // given
    ExecutionView view = apply(initial(), event(RunEventType.WORKFLOW_STARTED, null, "{}", 0));
    view = apply(view, event(RunEventType.NODE_QUEUED, "a", "{\"attempt\":1,\"level\":0}", 1));

    // when
    view =
        apply(
            view,
            event(
                RunEventType.NODE_WAITING,
                "a",
                "{\"prompt_message\":\"ok?\",\"approval_type\":\"binary\"}",
                2));
    NodeView waiting = view.nodes().get("a");
    view =
        apply(
            view,
            event(
                RunEventType.NODE_COMPLETED,
                "a",
                "{\"attempt\":1,\"output\":{\"approved\":true},\"duration_ms\":5000}",
                7));

    // then
    assertThat(waiting.status()).isEqualTo(NodeStatus.WAITING);
    assertThat(waiting.startedAt()).isEqualTo(T0.plusSeconds(2));
    NodeView decided = view.nodes().get("a");
    assertThat(decided.status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(decided.startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(decided.finishedAt()).isEqualTo(T0.plusSeconds(7));
    assertThat(decided.durationMs()).isEqualTo(5000L);
  }

  private static ExecutionView initial() {
    return ExecutionView.initial(
        ID, "bp", "lock", JsonNodeFactory.instance.objectNode(), Plans.twoTools(null), T0);
  }

  private static ExecutionView apply(ExecutionView view, RunEvent event) {
    return ExecutionViewProjector.apply(view, event);
  }

  private RunEvent event(RunEventType type, String nodeId, String data, int secondsAfterStart) {
    try {
      return new RunEvent(
          UUID.randomUUID(),
          ID,
          ++sequence,
          type,
          nodeId,
          IceosJson.mapper().readTree(data),
          T0.plusSeconds(secondsAfterStart));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
