package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §2.5 (conditions, both forms) and §2.6 (loop, parallel), through the whole system. */
class SpecControlFlowSystemIT {
  private static final String PATHS =
      """
      {"inputs": {"type": "object", "required": ["score"],
                  "properties": {"score": {"type": "number"}}},
       "nodes": [
        {"id": "check", "type": "condition", "expression": "score > 5",
         "true_path": [
           {"id": "high", "type": "tool", "tool_name": "echo",
            "tool_args": {"level": "high", "was": "{{ condition_result }}"}}],
         "false_path": [
           {"id": "low", "type": "tool", "tool_name": "constant", "tool_args": {"value": "low"}},
           {"id": "low_after", "type": "tool", "tool_name": "echo", "dependencies": ["low"],
            "tool_args": {"seen": "{{ low.value }}"}}]},
        {"id": "report", "type": "tool", "tool_name": "echo", "dependencies": ["check"],
         "tool_args": {"branch": "{{ check.branch }}"}}
      ]}
      """;

  private final SpecRuns runs = new SpecRuns(RunningSystem.api());

  @Test
  void shouldRunTheTruePathAsASubGraphOfTheCondition() {
    // when
    SpecRuns.Run run = runs.run(PATHS, "{\"score\": 7}");

    // then
    run.expectStatus("completed");
    run.expectNode("check", "succeeded");
    assertThat(run.output("check"))
        .isEqualTo(
            SpecRuns.json(
                """
                {"result": true, "branch": "true", "expression": "score > 5",
                 "branch_outputs": {"high": {"level": "high", "was": true}}}
                """));
    assertThat(run.output("report").path("branch").asText()).isEqualTo("true");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("high"))
        .containsExactly("node.queued", "node.started", "node.completed");
    assertThat(events.one("node.queued", "high").path("data").path("parent").asText())
        .isEqualTo("check");
    assertThat(events.nodeTypes("low")).isEmpty();
    assertThat(events.nodeTypes("low_after")).isEmpty();
    assertThat(events.one("node.started", "check").path("data").path("worker_id").asText())
        .isEqualTo("scheduler");
    assertThat(events.seq("node.started", "check")).isLessThan(events.seq("node.queued", "high"));
    assertThat(events.seq("node.completed", "high"))
        .isLessThan(events.seq("node.completed", "check"));
    assertThat(events.seq("node.completed", "check"))
        .isLessThan(events.seq("node.queued", "report"));
    JsonNode finalOutput = events.of("workflow.completed").getFirst().path("data").path("output");
    assertThat(finalOutput.has("high")).as("nested nodes are not top-level outputs").isFalse();
  }

  @Test
  void shouldRunTheFalsePathWithItsNodesSeeingEarlierOnes() {
    // when
    SpecRuns.Run run = runs.run(PATHS, "{\"score\": 2}");

    // then
    run.expectStatus("completed");
    assertThat(run.output("check"))
        .isEqualTo(
            SpecRuns.json(
                """
                {"result": false, "branch": "false", "expression": "score > 5",
                 "branch_outputs": {"low": {"value": "low"}, "low_after": {"seen": "low"}}}
                """));
    assertThat(run.output("report").path("branch").asText()).isEqualTo("false");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("high")).isEmpty();
    assertThat(events.seq("node.completed", "low"))
        .isLessThan(events.seq("node.queued", "low_after"));
    assertThat(events.seq("node.completed", "low_after"))
        .isLessThan(events.seq("node.completed", "check"));
  }

  @Test
  void shouldFailAConditionWhoseExpressionIsNotABoolean() {
    // when
    SpecRuns.Run run = runs.run(PATHS.replace("\"score > 5\"", "\"score + 1\""), "{\"score\": 7}");

    // then
    run.expectStatus("failed");
    run.expectNode("check", "failed");
    assertThat(run.error("check")).contains("must yield a boolean");
    run.expectNode("report", "skipped");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("high")).isEmpty();
    assertThat(events.nodeTypes("low")).isEmpty();
    assertThat(events.seq("node.failed", "check")).isLessThan(events.seq("node.skipped", "report"));
  }

  @Test
  void shouldSkipTheEraOneBranchNotTakenAndWhatDependsOnlyOnIt() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "gate", "type": "condition", "expression": "inputs.go",
           "true_branch": ["yes"], "false_branch": ["no"]},
          {"id": "yes", "type": "tool", "tool_name": "constant", "tool_args": {"value": "yes"}},
          {"id": "no", "type": "tool", "tool_name": "constant", "tool_args": {"value": "no"}},
          {"id": "after_no", "type": "tool", "tool_name": "echo", "dependencies": ["no"]},
          {"id": "after_both", "type": "tool", "tool_name": "echo", "dependencies": ["yes", "no"],
           "tool_args": {"from_yes": "{{ yes.value }}"}}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint, "{\"go\": true}");

    // then
    run.expectStatus("completed");
    assertThat(run.output("gate").path("result").asBoolean()).isTrue();
    assertThat(run.output("gate").path("branch").asText()).isEqualTo("true");
    assertThat(run.output("gate").path("expression").asText()).isEqualTo("inputs.go");
    run.expectNode("yes", "succeeded");
    run.expectNode("no", "skipped");
    run.expectNode("after_no", "skipped");
    run.expectNode("after_both", "succeeded");
    assertThat(run.output("after_both").path("from_yes").asText()).isEqualTo("yes");
    RunEvents events = run.events();
    String reason = "branch not taken: condition 'gate' was true";
    assertThat(events.nodeTypes("no")).containsExactly("node.skipped");
    assertThat(events.one("node.skipped", "no").path("data").path("reason").asText())
        .isEqualTo(reason);
    assertThat(events.one("node.skipped", "after_no").path("data").path("reason").asText())
        .isEqualTo(reason);
    assertThat(events.seq("node.completed", "gate")).isLessThan(events.seq("node.queued", "yes"));
    assertThat(events.seq("node.skipped", "no")).isLessThan(events.seq("node.skipped", "after_no"));
  }

  @Test
  void shouldRunALoopBodyOncePerItemInOrderUpToMaxIterations() {
    // given: four items, at most three iterations, a two-node body
    String blueprint =
        """
        {"nodes": [
          {"id": "each", "type": "loop", "items_source": "inputs.items", "max_iterations": 3,
           "body": [
             {"id": "read", "type": "tool", "tool_name": "echo",
              "tool_args": {"n": "{{ item }}", "index": "{{ loop_index }}"}},
             {"id": "double", "type": "tool", "tool_name": "echo", "dependencies": ["read"],
              "tool_args": {"double": "{{ read.n * 2 }}", "index": "{{ read.index }}"}}]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint, "{\"items\": [3, 4, 5, 6]}");

    // then
    run.expectStatus("completed");
    assertThat(run.output("each"))
        .isEqualTo(
            SpecRuns.json(
                """
                [{"double": 6, "index": 0}, {"double": 8, "index": 1}, {"double": 10, "index": 2}]
                """));
    RunEvents events = run.events();
    for (int i = 0; i < 3; i++) {
      assertThat(events.nodeTypes("each[" + i + "].read"))
          .containsExactly("node.queued", "node.started", "node.completed");
      assertThat(
              events
                  .one("node.queued", "each[" + i + "].read")
                  .path("data")
                  .path("parent")
                  .asText())
          .isEqualTo("each");
    }
    assertThat(events.nodeTypes("each[3].read")).isEmpty();
    assertThat(events.seq("node.completed", "each[0].double"))
        .isLessThan(events.seq("node.queued", "each[1].read"));
    assertThat(events.seq("node.completed", "each[1].double"))
        .isLessThan(events.seq("node.queued", "each[2].read"));
    assertThat(events.seq("node.completed", "each[2].double"))
        .isLessThan(events.seq("node.completed", "each"));
  }

  @Test
  void shouldFanOutAParallelLoopAcrossWorkers() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "fan", "type": "loop", "items_source": "inputs.items", "parallel": true,
           "body": [{"id": "nap", "type": "tool", "tool_name": "sleep",
                     "tool_args": {"seconds": "{{ item }}"}}]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint, "{\"items\": [0.5, 0.6, 0.7]}");

    // then
    run.expectStatus("completed");
    assertThat(run.output("fan"))
        .isEqualTo(SpecRuns.json("[{\"slept\": 0.5}, {\"slept\": 0.6}, {\"slept\": 0.7}]"));
    RunEvents events = run.events();
    List<String> naps = List.of("fan[0].nap", "fan[1].nap", "fan[2].nap");
    long lastStart =
        naps.stream().mapToLong(n -> events.seq("node.started", n)).max().orElseThrow();
    long firstEnd =
        naps.stream().mapToLong(n -> events.seq("node.completed", n)).min().orElseThrow();
    assertThat(lastStart).as("all iterations ran at once: %s", events.types()).isLessThan(firstEnd);
    assertThat(events.maxRunningAtOnce()).isEqualTo(3);
  }

  @Test
  void shouldBoundAParallelLoopsIterationsByMaxParallel() {
    // given: four iterations fanned out, at most two nodes running at once
    String blueprint =
        """
        {"max_parallel": 2, "nodes": [
          {"id": "fan", "type": "loop", "items_source": "{{ inputs.items }}", "parallel": true,
           "body": [{"id": "nap", "type": "tool", "tool_name": "sleep",
                     "tool_args": {"seconds": "{{ item }}"}}]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint, "{\"items\": [0.3, 0.3, 0.3, 0.3]}");

    // then
    run.expectStatus("completed");
    assertThat(run.output("fan")).hasSize(4);
    RunEvents events = run.events();
    assertThat(events.maxRunningAtOnce()).as("running at once: %s", events.types()).isEqualTo(2);
    long firstEnd =
        Math.min(
            events.seq("node.completed", "fan[0].nap"), events.seq("node.completed", "fan[1].nap"));
    assertThat(events.seq("node.queued", "fan[2].nap")).isGreaterThan(firstEnd);
    assertThat(events.seq("node.completed", "fan[3].nap"))
        .isLessThan(events.seq("node.completed", "fan"));
  }

  @Test
  void shouldFailTheLoopWhenABodyNodeFails() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "each", "type": "loop", "items_source": "inputs.items",
           "body": [{"id": "bad", "type": "tool", "tool_name": "fail",
                     "tool_args": {"msg": "bad item {{ item }}"}}]},
          {"id": "after", "type": "tool", "tool_name": "echo", "dependencies": ["each"]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint, "{\"items\": [1, 2]}");

    // then
    run.expectStatus("failed");
    run.expectNode("each", "failed");
    assertThat(run.error("each")).isEqualTo("Node 'bad' failed in iteration 0: bad item 1");
    run.expectNode("after", "skipped");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("each[0].bad"))
        .containsExactly("node.queued", "node.started", "node.failed");
    assertThat(events.nodeTypes("each[1].bad")).as("no iteration after the failed one").isEmpty();
    assertThat(events.seq("node.failed", "each[0].bad"))
        .isLessThan(events.seq("node.failed", "each"));
    assertThat(run.view().path("result").path("error").asText())
        .contains("Node each failed: Node 'bad' failed in iteration 0: bad item 1");
  }

  @Test
  void shouldWaitForAllParallelBranchesAndMergeTheirOutputs() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "fan", "type": "parallel", "wait_strategy": "all", "branches": [
            [{"id": "left", "type": "tool", "tool_name": "constant", "tool_args": {"value": 1}}],
            [{"id": "right", "type": "tool", "tool_name": "echo",
              "tool_args": {"branch": "{{ branch_index }}"}}]]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    assertThat(run.output("fan"))
        .isEqualTo(
            SpecRuns.json(
                """
                {"branch_results": [{"left": {"value": 1}}, {"right": {"branch": 1}}],
                 "completed_branches": [0, 1], "strategy": "all",
                 "merged": {"left": {"value": 1}, "right": {"branch": 1}}}
                """));
    RunEvents events = run.events();
    for (String nested : List.of("left", "right")) {
      assertThat(events.one("node.queued", nested).path("data").path("parent").asText())
          .isEqualTo("fan");
      assertThat(events.seq("node.completed", nested))
          .isLessThan(events.seq("node.completed", "fan"));
    }
  }

  @Test
  void shouldOpenNoMoreBranchesAtOnceThanMaxConcurrency() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "fan", "type": "parallel", "max_concurrency": 1, "branches": [
            [{"id": "one", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 0.3}}],
            [{"id": "two", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 0.3}}]]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    assertThat(run.output("fan").path("completed_branches")).isEqualTo(SpecRuns.json("[0, 1]"));
    RunEvents events = run.events();
    long lastQueued = Math.max(events.seq("node.queued", "one"), events.seq("node.queued", "two"));
    long firstCompleted =
        Math.min(events.seq("node.completed", "one"), events.seq("node.completed", "two"));
    assertThat(firstCompleted)
        .as("one branch at a time: %s", events.types())
        .isLessThan(lastQueued);
    assertThat(events.maxRunningAtOnce()).isEqualTo(1);
  }

  @Test
  void shouldSucceedWithTheSuccessfulBranchesWhenWaitingForAny() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "fan", "type": "parallel", "wait_strategy": "any", "branches": [
            [{"id": "bad", "type": "tool", "tool_name": "fail", "tool_args": {"msg": "boom"}}],
            [{"id": "good", "type": "tool", "tool_name": "constant", "tool_args": {"value": 2}}]]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    run.expectNode("fan", "succeeded");
    assertThat(run.output("fan"))
        .isEqualTo(
            SpecRuns.json(
                """
                {"branch_results": [{"good": {"value": 2}}], "completed_branches": [1],
                 "strategy": "any", "merged": {"good": {"value": 2}}}
                """));
    RunEvents events = run.events();
    assertThat(events.nodeTypes("bad"))
        .containsExactly("node.queued", "node.started", "node.failed");
    assertThat(events.seq("node.failed", "bad")).isLessThan(events.seq("node.completed", "fan"));
    assertThat(events.seq("node.completed", "good"))
        .isLessThan(events.seq("node.completed", "fan"));
  }

  @Test
  void shouldFailAParallelNodeWaitingForAnyWhenNoBranchSucceeds() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "fan", "type": "parallel", "wait_strategy": "any", "branches": [
            [{"id": "bad", "type": "tool", "tool_name": "fail", "tool_args": {"msg": "one"}}],
            [{"id": "worse", "type": "tool", "tool_name": "fail", "tool_args": {"msg": "two"}}]]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("fan", "failed");
    assertThat(run.error("fan")).isEqualTo("Node 'bad' failed: one");
    assertThat(run.view().path("result").path("error").asText())
        .isEqualTo("Node fan failed: Node 'bad' failed: one");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("bad"))
        .containsExactly("node.queued", "node.started", "node.failed");
    assertThat(events.nodeTypes("worse"))
        .containsExactly("node.queued", "node.started", "node.failed");
    long lastBranch =
        Math.max(events.seq("node.failed", "bad"), events.seq("node.failed", "worse"));
    assertThat(lastBranch).isLessThan(events.seq("node.failed", "fan"));
  }

  @Test
  void shouldFinishARaceWithTheFirstBranchAndSkipTheOthers() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "fan", "type": "parallel", "wait_strategy": "race", "branches": [
            [{"id": "slow", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 3}}],
            [{"id": "quick", "type": "tool", "tool_name": "constant",
              "tool_args": {"value": "first"}}]]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    assertThat(run.output("fan"))
        .isEqualTo(
            SpecRuns.json(
                """
                {"branch_results": [{"quick": {"value": "first"}}], "completed_branches": [1],
                 "strategy": "race", "merged": {"quick": {"value": "first"}}}
                """));
    RunEvents events = run.events();
    assertThat(events.one("node.skipped", "slow").path("data").path("reason").asText())
        .isEqualTo("parallel 'fan' finished with branch 1");
    assertThat(events.nodesWith("node.completed")).doesNotContain("slow");
    assertThat(events.seq("node.completed", "quick"))
        .isLessThan(events.seq("node.skipped", "slow"));
    assertThat(events.seq("node.skipped", "slow")).isLessThan(events.seq("node.completed", "fan"));
  }
}
