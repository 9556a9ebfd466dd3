package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.InputMapping;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTransitionsOutcomeTest {

  @Test
  void shouldMarkTheNodeRunningOnceWhenStarted() {
    RunDriver run = RunDriver.start(plan().tool("a").build());

    Transition first = run.started("a");
    Transition again = run.started("a");

    assertThat(run.status("a")).isEqualTo(NodeStatus.RUNNING);
    assertThat(first.events()).extracting(RunDriver::describe).containsExactly("node.started:a");
    assertThat(first.events().getFirst().data().toString())
        .isEqualTo("{\"attempt\":1,\"worker_id\":\"worker-1\"}");
    assertThat(again.changed()).isFalse();
  }

  @Test
  void shouldApplyADuplicateCompletionOnce() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b", "a").build());
    run.complete("a", 1, RunDriver.output("first"), null);
    int eventsAfterFirst = run.events.size();

    Transition duplicate = run.complete("a", 1, RunDriver.output("second"), null);

    assertThat(duplicate.changed()).isFalse();
    assertThat(duplicate.state()).isSameAs(run.state);
    assertThat(run.events).hasSize(eventsAfterFirst);
    assertThat(run.state.node("a").output()).isEqualTo(RunDriver.output("first"));
    assertThat(run.tasks).extracting(NodeTask::nodeId).containsExactly("a", "b");
  }

  @Test
  void shouldIgnoreOutcomesForUnknownNodesAndFinishedRuns() {
    RunDriver run = RunDriver.start(plan().tool("a").build());
    run.complete("a");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);

    assertThat(run.complete("a", 1, RunDriver.output("x"), null).changed()).isFalse();
    assertThat(run.complete("ghost", 1, RunDriver.output("x"), null).changed()).isFalse();
  }

  @Test
  void shouldResendTheTasksOfQueuedNodesWithTheSameIdsAndNoEvents() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b").build());
    run.started("a");

    Transition resent = RunTransitions.resendQueued(run.state, run.now);

    assertThat(resent.events()).isEmpty();
    assertThat(resent.tasks()).containsExactly(run.tasks.get(1));
    assertThat(resent.state()).isEqualTo(run.state);
  }

  @Test
  void shouldCancelEverythingUnfinishedAndIgnoreLateOutcomes() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b").tool("c", "a").build());
    run.started("a");
    run.complete("b");

    Transition cancel = run.cancel();

    assertThat(cancel.events())
        .extracting(RunDriver::describe)
        .containsExactly("workflow.cancelled");
    assertThat(cancel.events().getFirst().data().toString()).isEqualTo("{\"reason\":\"user\"}");
    assertThat(run.state.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.status("a")).isEqualTo(NodeStatus.CANCELLED);
    assertThat(run.status("b")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.status("c")).isEqualTo(NodeStatus.CANCELLED);
    assertThat(cancel.cancellations()).hasSize(1);
    assertThat(cancel.cancellations().getFirst().nodeId()).isNull();
    assertThat(cancel.cancellations().getFirst().reason()).isEqualTo("user");

    Transition late = run.complete("a", 1, RunDriver.output("late"), null);

    assertThat(late.changed()).isFalse();
    assertThat(run.state.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.events.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_CANCELLED);
    assertThat(run.cancel().changed()).isFalse();
  }

  @Test
  void shouldReportUsageAsDecimalDollarsAndKeepExecutionTotals() {
    RunDriver run = RunDriver.start(plan().llm("a").llm("b").tool("c", "a", "b").build());
    run.complete("a", 1, RunDriver.output("a"), new Usage(10, 5, 15, 1_234, 1));
    run.complete("b", 1, RunDriver.output("b"), new Usage(20, 10, 30, 2_000_000, 1));
    run.complete("c");

    RunEvent completedB =
        run.events.stream()
            .filter(e -> RunDriver.describe(e).equals("node.completed:b"))
            .findFirst()
            .orElseThrow();
    assertThat(completedB.data().get("usage").toString())
        .isEqualTo(
            "{\"prompt_tokens\":20,\"completion_tokens\":10,\"total_tokens\":30,"
                + "\"cost_usd\":2,\"llm_calls\":1}");
    assertThat(run.eventNames())
        .containsSubsequence(
            "node.completed:a",
            "resource.token_update:a",
            "resource.cost_update:a",
            "node.completed:b",
            "resource.token_update:b",
            "resource.cost_update:b");
    assertThat(run.last(RunEventType.RESOURCE_TOKEN_UPDATE).data().toString())
        .isEqualTo("{\"prompt_tokens\":30,\"completion_tokens\":15,\"total_tokens\":45}");
    assertThat(run.last(RunEventType.RESOURCE_COST_UPDATE).data().get("cost_usd").toString())
        .isEqualTo("2.001234");
    assertThat(run.eventNames()).doesNotContain("resource.token_update:c");
    assertThat(run.last(RunEventType.WORKFLOW_COMPLETED).data().get("usage").toString())
        .isEqualTo(
            "{\"prompt_tokens\":30,\"completion_tokens\":15,\"total_tokens\":45,"
                + "\"cost_usd\":2.001234,\"llm_calls\":2,\"tool_executions\":1}");
  }

  @Test
  void shouldBuildTheTaskScopeFromInputsDependenciesAndMappings() {
    JsonNode inputs = JsonNodeFactory.instance.objectNode().put("city", "Oslo").put("n", 4);
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("fetch")
                .toolWithMappings(
                    "use",
                    Map.of(
                        "temp", new InputMapping("fetch", "weather.temp"),
                        "all", new InputMapping("fetch", "")),
                    "fetch")
                .build(),
            inputs);
    JsonNode fetched =
        JsonNodeFactory.instance
            .objectNode()
            .set("weather", JsonNodeFactory.instance.objectNode().put("temp", 21));

    run.complete("fetch", 1, fetched, null);

    NodeTask task = run.tasks.getLast();
    assertThat(task.nodeId()).isEqualTo("use");
    assertThat(task.orgId()).isEqualTo("org-1");
    assertThat(task.timeoutMs()).isEqualTo(30_000);
    assertThat(task.node().id()).isEqualTo("use");
    JsonNode scope = task.scope();
    assertThat(scope.get("inputs")).isEqualTo(inputs);
    assertThat(scope.get("city").asText()).isEqualTo("Oslo");
    assertThat(scope.get("n").asInt()).isEqualTo(4);
    assertThat(scope.get("fetch")).isEqualTo(fetched);
    assertThat(scope.get("temp").asInt()).isEqualTo(21);
    assertThat(scope.get("all")).isEqualTo(fetched);
    assertThat(scope.get("execution").toString())
        .isEqualTo("{\"id\":\"exec-1\",\"blueprint_id\":\"bp-1\"}");
  }

  @Test
  void shouldGiveTasksAndEventsStableDerivedMessageIds() {
    RunDriver one = RunDriver.start(plan().tool("a").build());
    RunDriver two = RunDriver.start(plan().tool("a").build());

    assertThat(one.tasks.getFirst().messageId()).isEqualTo(two.tasks.getFirst().messageId());
    assertThat(one.events.getFirst().messageId()).isEqualTo(two.events.getFirst().messageId());
    assertThat(one.events.get(0).messageId()).isNotEqualTo(one.events.get(1).messageId());
  }
}
