package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RunTransitionsSchedulingTest {

  @Test
  void shouldStartWithWorkflowStartedAndQueueTheRootLevel() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b").llm("c", "a", "b").build());

    assertThat(run.eventNames())
        .containsExactly("workflow.started", "level.started", "node.queued:a", "node.queued:b");
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1");
    assertThat(run.state.status()).isEqualTo(RunStatus.RUNNING);

    JsonNode started = run.events.getFirst().data();
    assertThat(started.get("blueprint_id").asText()).isEqualTo("bp-1");
    assertThat(started.get("version_lock").asText()).isEqualTo("lock-1");
    assertThat(started.get("inputs").get("topic").asText()).isEqualTo("ice");
    assertThat(started.get("levels").toString()).isEqualTo("[[\"a\",\"b\"],[\"c\"]]");
    assertThat(started.get("nodes").get("c").toString())
        .isEqualTo("{\"type\":\"llm\",\"level\":1}");
    assertThat(run.events.get(1).data().toString())
        .isEqualTo("{\"level\":0,\"node_ids\":[\"a\",\"b\"]}");
    assertThat(run.events.get(2).data().toString()).isEqualTo("{\"attempt\":1,\"level\":0}");
  }

  @Test
  void shouldStartTheNextLevelOnlyWhenTheWholeLevelIsFinished() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b").tool("c", "a").build());

    run.started("a");
    run.complete("a");
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1");
    assertThat(run.status("c")).isEqualTo(NodeStatus.PENDING);

    run.complete("b");
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1", "exec-1:c:1");
    run.complete("c");

    assertThat(run.eventNames())
        .containsExactly(
            "workflow.started",
            "level.started",
            "node.queued:a",
            "node.queued:b",
            "node.started:a",
            "node.completed:a",
            "node.completed:b",
            "level.completed",
            "level.started",
            "node.queued:c",
            "node.completed:c",
            "level.completed",
            "workflow.completed");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void shouldQueueANodeAsSoonAsItsOwnDependenciesAreDoneWhenEager() {
    RunDriver run = RunDriver.start(plan().eager().tool("a").tool("b").tool("c", "a").build());

    run.complete("a");

    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1", "exec-1:c:1");
    assertThat(run.status("b")).isEqualTo(NodeStatus.QUEUED);
    assertThat(run.eventNames())
        .containsSubsequence("node.completed:a", "level.started", "node.queued:c");

    run.complete("c");
    run.complete("b");
    assertThat(run.eventNames())
        .endsWith("node.completed:b", "level.completed", "level.completed", "workflow.completed");
  }

  @Test
  void shouldNeverHaveMoreThanMaxParallelNodesOut() {
    RunDriver run =
        RunDriver.start(plan().maxParallel(2).tool("a").tool("b").tool("c").tool("d").build());
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1");

    run.started("a");
    run.started("b");
    assertThat(run.tasks).hasSize(2);

    run.complete("b");
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1", "exec-1:c:1");

    run.complete("a");
    run.complete("c");
    run.complete("d");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.tasks).hasSize(4);
  }

  @Test
  void shouldBoundEagerDispatchByMaxParallelToo() {
    RunDriver run =
        RunDriver.start(plan().eager().maxParallel(1).tool("a").tool("b").tool("c", "a").build());
    assertThat(run.taskIds()).containsExactly("exec-1:a:1");

    run.complete("a");

    // b comes first: dispatch goes level by level, then blueprint order.
    assertThat(run.taskIds()).containsExactly("exec-1:a:1", "exec-1:b:1");
  }

  @Test
  void shouldAssignGapFreeSequencesEndingWithTheTerminalEvent() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b", "a").tool("c", "b").build());
    run.started("a");
    run.complete("a");
    run.started("b");
    run.complete("b");
    run.started("c");
    run.complete("c");

    assertThat(run.events).extracting(RunEvent::sequence).containsExactly(seq(run.events.size()));
    assertThat(run.events.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_COMPLETED);
    assertThat(run.state.nextSequence()).isEqualTo(run.events.size() + 1L);
    assertThat(run.events).extracting(RunEvent::executionId).containsOnly("exec-1");
  }

  @Test
  void shouldPutOutputsOfSucceededNodesAndUsageInWorkflowCompleted() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b", "a").build());
    run.complete("a");
    run.complete("b");

    JsonNode data = run.last(RunEventType.WORKFLOW_COMPLETED).data();
    assertThat(data.get("output").toString())
        .isEqualTo("{\"a\":{\"from\":\"a\"},\"b\":{\"from\":\"b\"}}");
    assertThat(data.get("usage").toString())
        .isEqualTo(
            "{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0,"
                + "\"cost_usd\":0,\"llm_calls\":0,\"tool_executions\":2}");
  }

  private static Long[] seq(int count) {
    Long[] expected = new Long[count];
    for (int i = 0; i < count; i++) {
      expected[i] = i + 1L;
    }
    return expected;
  }
}
