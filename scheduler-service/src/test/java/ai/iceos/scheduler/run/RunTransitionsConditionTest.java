package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.condition;
import static ai.iceos.scheduler.run.Plans.nestedTool;
import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTransitionsConditionTest {

  private static JsonNode score(int value) {
    return JsonNodeFactory.instance.objectNode().put("score", value).put("mode", "fast");
  }

  private static NodeTask task(RunDriver run, String nodeId) {
    return run.tasks.stream().filter(t -> t.nodeId().equals(nodeId)).findFirst().orElseThrow();
  }

  private static RunDriver nested(int score) {
    return RunDriver.start(
        plan()
            .node(
                condition(
                    "check",
                    "score > 5 and inputs.mode == 'fast'",
                    List.of(nestedTool("high"), nestedTool("high_note", "high")),
                    List.of(nestedTool("low")),
                    List.of(),
                    List.of()))
            .tool("after", "check")
            .build(),
        score(score));
  }

  @Test
  void shouldRunTheTruePathAsASubGraphWithConditionResultInScope() {
    RunDriver run = nested(7);

    assertThat(run.taskIds()).containsExactly("exec-1:high:1");
    assertThat(task(run, "high").scope().get("condition_result").asBoolean()).isTrue();
    assertThat(task(run, "high").scope().get("score").asInt()).isEqualTo(7);
    run.complete("high", RunDriver.output("h"));
    assertThat(task(run, "high_note").scope().get("high").toString())
        .isEqualTo("{\"value\":\"h\"}");
    run.complete("high_note", RunDriver.output("n"));

    assertThat(run.state.node("check").output().toString())
        .isEqualTo(
            "{\"result\":true,\"branch\":\"true\",\"expression\":\"score > 5 and inputs.mode =="
                + " 'fast'\",\"branch_outputs\":{\"high\":{\"value\":\"h\"},"
                + "\"high_note\":{\"value\":\"n\"}}}");
    assertThat(run.taskIds()).endsWith("exec-1:after:1");
    assertThat(run.state.nodes()).doesNotContainKey("low");
    assertThat(run.eventNames())
        .containsSubsequence(
            "node.queued:check",
            "node.started:check",
            "node.queued:high",
            "node.completed:high_note",
            "node.completed:check",
            "node.queued:after");
  }

  @Test
  void shouldRunTheFalsePathWhenTheExpressionDoesNotHold() {
    RunDriver run = nested(3);

    assertThat(run.taskIds()).containsExactly("exec-1:low:1");
    assertThat(task(run, "low").scope().get("condition_result").asBoolean()).isFalse();
    run.complete("low");
    assertThat(run.state.node("check").output().get("branch").asText()).isEqualTo("false");
  }

  @Test
  void shouldFailTheConditionWhenItsPathFails() {
    RunDriver run = nested(9);
    run.fail("high", Failure.permanent("tool-error", "down"));

    assertThat(run.status("high_note")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.status("check")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("check").failure().message()).isEqualTo("Node 'high' failed: down");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
  }

  private static RunDriver eraOne(int score, FailurePolicy policy) {
    return RunDriver.start(
        plan()
            .tool("fetch")
            .node(
                condition(
                    "check",
                    "fetch.n > 5",
                    List.of(),
                    List.of(),
                    List.of("yes"),
                    List.of("no"),
                    "fetch"))
            .tool("yes", "check")
            .tool("no", "check")
            .tool("after_no", "no")
            .tool("merge", "yes", "no")
            .policy(policy)
            .eager()
            .build(),
        score(score));
  }

  @Test
  void shouldSkipTheBranchNotTakenAndWhatDependsOnlyOnIt() {
    for (FailurePolicy policy : FailurePolicy.values()) {
      RunDriver run = eraOne(0, policy);
      run.complete("fetch", JsonNodeFactory.instance.objectNode().put("n", 9));

      assertThat(run.state.node("check").output().get("result").asBoolean()).isTrue();
      assertThat(run.status("no")).isEqualTo(NodeStatus.SKIPPED);
      assertThat(run.state.node("no").skipReason())
          .isEqualTo("branch not taken: condition 'check' was true");
      assertThat(run.status("after_no")).isEqualTo(NodeStatus.SKIPPED);
      assertThat(run.taskIds()).containsExactly("exec-1:fetch:1", "exec-1:yes:1");
      run.complete("yes");
      assertThat(run.taskIds()).endsWith("exec-1:merge:1");
      run.complete("merge");
      assertThat(run.state.status()).as(policy.name()).isEqualTo(RunStatus.COMPLETED);
    }
  }

  @Test
  void shouldFailAConditionWhoseExpressionIsNotBoolean() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(condition("check", "score + 1", List.of(), List.of(), List.of(), List.of()))
                .build(),
            score(1));

    assertThat(run.status("check")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("check").failure().message())
        .isEqualTo("Condition expression 'score + 1' must yield a boolean, got number");
  }

  @Test
  void shouldFailAConditionThatNamesSomethingUndefined() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(condition("check", "missing > 1", List.of(), List.of(), List.of(), List.of()))
                .build(),
            score(1));

    assertThat(run.state.node("check").failure().message())
        .isEqualTo("Template error in expression: 'missing' is undefined");
    assertThat(run.state.node("check").failure().retryable()).isFalse();
  }
}
