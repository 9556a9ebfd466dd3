package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static ai.iceos.scheduler.run.Plans.recursive;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTransitionsRecursiveTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static JsonNode agreement(boolean reached, int round) {
    return JSON.objectNode().put("agreement_reached", reached).put("round", round);
  }

  private static NodeTask task(RunDriver run, String taskId) {
    return run.tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElseThrow();
  }

  @Test
  void shouldReRunTheSourcesAndTheNodeUntilTheConditionHolds() {
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("seed")
                .node(
                    recursive("negotiate", List.of("seed"), "agreement_reached == True", 5, "seed"))
                .build());
    run.complete("seed");

    NodeTask first = task(run, "exec-1:negotiate[0].negotiate:1");
    assertThat(first.node().kind()).isEqualTo(NodeType.AGENT);
    assertThat(first.scope().get("seed").get("from").asText()).isEqualTo("seed");
    assertThat(first.scope().get("negotiate").isNull()).isTrue();
    run.complete("negotiate[0].negotiate", agreement(false, 1));

    NodeTask reseed = task(run, "exec-1:negotiate[1].seed:1");
    assertThat(reseed.scope().get("negotiate").get("round").asInt()).isEqualTo(1);
    assertThat(reseed.scope().get("recursive_context").get("iteration").asInt()).isEqualTo(2);
    run.complete("negotiate[1].seed", JSON.objectNode().put("offer", 2));
    NodeTask second = task(run, "exec-1:negotiate[1].negotiate:1");
    assertThat(second.scope().get("seed").get("offer").asInt()).isEqualTo(2);
    assertThat(second.scope().get("recursive_context").get("history").size()).isEqualTo(1);
    run.complete("negotiate[1].negotiate", agreement(true, 2));

    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    JsonNode output = run.state.node("negotiate").output();
    assertThat(output.get("converged").asBoolean()).isTrue();
    assertThat(output.get("reason").asText()).isEqualTo("condition_met");
    assertThat(output.get("iterations").asInt()).isEqualTo(2);
    assertThat(output.get("output").get("round").asInt()).isEqualTo(2);
    assertThat(run.eventNames())
        .containsSubsequence(
            "node.started:negotiate",
            "node.queued:negotiate[0].negotiate",
            "node.completed:negotiate[0].negotiate",
            "node.queued:negotiate[1].seed",
            "node.queued:negotiate[1].negotiate",
            "node.completed:negotiate",
            "workflow.completed");
  }

  @Test
  void shouldStopAtMaxIterationsWithoutConverging() {
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("seed")
                .node(
                    recursive("negotiate", List.of("seed"), "agreement_reached == True", 2, "seed"))
                .build());
    run.complete("seed");
    run.complete("negotiate[0].negotiate", agreement(false, 1));
    run.complete("negotiate[1].seed");
    run.complete("negotiate[1].negotiate", agreement(false, 2));

    JsonNode output = run.state.node("negotiate").output();
    assertThat(output.get("converged").asBoolean()).isFalse();
    assertThat(output.get("reason").asText()).isEqualTo("max_iterations_reached");
    assertThat(output.get("iterations").asInt()).isEqualTo(2);
    assertThat(run.taskIds()).doesNotContain("exec-1:negotiate[2].seed:1");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void shouldRunASourceThatDependsOnTheRecursiveNodeFirstAndFeedItThePreviousIteration() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(ToolNodeSpec.of("draft", "echo", JSON.objectNode(), "review"))
                .node(recursive("review", List.of("draft"), "round >= 2", 5, "draft"))
                .build());

    assertThat(run.taskIds()).containsExactly("exec-1:draft:1");
    assertThat(task(run, "exec-1:draft:1").scope().get("review").isNull()).isTrue();
    run.complete("draft");
    run.complete("review[0].review", agreement(false, 1));
    assertThat(task(run, "exec-1:review[1].draft:1").scope().get("review").get("round").asInt())
        .isEqualTo(1);
    run.complete("review[1].draft");
    run.complete("review[1].review", agreement(false, 2));

    assertThat(run.state.node("review").output().get("reason").asText()).isEqualTo("condition_met");
  }

  @Test
  void shouldFailWhenAnIterationFailsAndRetryThatIterationOnly() {
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("seed")
                .node(recursive("negotiate", List.of("seed"), "agreement_reached", 5, "seed"))
                .build());
    run.complete("seed");
    run.complete("negotiate[0].negotiate", agreement(false, 1));
    run.complete("negotiate[1].seed");
    run.fail("negotiate[1].negotiate", Failure.permanent("agent-error", "no answer"));

    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.state.node("negotiate").failure().message())
        .isEqualTo("Node 'negotiate' failed in iteration 1: no answer");

    run.retry();

    assertThat(run.status("negotiate")).isEqualTo(NodeStatus.RUNNING);
    assertThat(run.taskIds()).endsWith("exec-1:negotiate[1].negotiate:2");
    run.complete("negotiate[1].negotiate", agreement(true, 2));
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.state.node("negotiate").output().get("iterations").asInt()).isEqualTo(2);
  }
}
