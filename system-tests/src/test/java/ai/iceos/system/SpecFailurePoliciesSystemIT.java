package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §2.4: each failure policy, through the whole system. */
class SpecFailurePoliciesSystemIT {
  private final SpecRuns runs = new SpecRuns(RunningSystem.api());

  @Test
  void shouldStartNothingNewButLetRunningNodesFinishWhenHaltingOnFirstError() {
    // given: broken fails after a short pause while slow still sleeps; both have a dependent
    String blueprint =
        """
        {"failure_policy": "halt_on_first_error", "scheduling": "eager", "nodes": [
          {"id": "slow", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 1.5}},
          {"id": "pause", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 0.3}},
          {"id": "broken", "type": "tool", "tool_name": "fail", "dependencies": ["pause"],
           "tool_args": {"msg": "boom"}},
          {"id": "after_broken", "type": "tool", "tool_name": "echo", "dependencies": ["broken"]},
          {"id": "after_slow", "type": "tool", "tool_name": "echo", "dependencies": ["slow"]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("broken", "failed");
    assertThat(run.error("broken")).isEqualTo("boom");
    run.expectNode("slow", "succeeded");
    assertThat(run.output("slow").path("slept").asDouble()).isEqualTo(1.5);
    run.expectNode("after_broken", "skipped");
    run.expectNode("after_slow", "skipped");
    assertThat(run.view().path("result").path("error").asText())
        .isEqualTo("Node broken failed: boom");
    RunEvents events = run.events();
    assertThat(events.one("node.skipped", "after_broken").path("data").path("reason").asText())
        .isEqualTo("halted");
    assertThat(events.one("node.skipped", "after_slow").path("data").path("reason").asText())
        .isEqualTo("halted");
    assertThat(events.nodesWith("node.queued"))
        .containsExactlyInAnyOrder("slow", "pause", "broken");
    assertThat(events.seq("node.started", "slow"))
        .as("slow was running when broken failed: %s", events.types())
        .isLessThan(events.seq("node.failed", "broken"));
    assertThat(events.seq("node.failed", "broken"))
        .isLessThan(events.seq("node.completed", "slow"));
    assertThat(events.seq("node.completed", "slow")).isLessThan(events.seq("workflow.failed"));
    JsonNode failed = events.of("workflow.failed").getFirst().path("data");
    assertThat(SpecRuns.texts(failed.path("errors"))).containsExactly("Node broken failed: boom");
  }

  @Test
  void shouldSkipEveryTransitiveDependentOfAFailedNodeAndKeepIndependentNodesRunning() {
    // given
    String blueprint =
        """
        {"failure_policy": "continue_if_possible", "nodes": [
          {"id": "broken", "type": "tool", "tool_name": "fail", "tool_args": {"msg": "no luck"}},
          {"id": "ok", "type": "tool", "tool_name": "constant", "tool_args": {"value": 7}},
          {"id": "mid", "type": "tool", "tool_name": "echo", "dependencies": ["broken"]},
          {"id": "leaf", "type": "tool", "tool_name": "echo", "dependencies": ["mid", "ok"]},
          {"id": "after_ok", "type": "tool", "tool_name": "echo", "dependencies": ["ok"],
           "tool_args": {"seen": "{{ ok.value }}"}}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("broken", "failed");
    assertThat(run.error("broken")).isEqualTo("no luck");
    run.expectNode("mid", "skipped");
    run.expectNode("leaf", "skipped");
    run.expectNode("after_ok", "succeeded");
    assertThat(run.output("after_ok").path("seen").asInt()).isEqualTo(7);
    RunEvents events = run.events();
    for (String skipped : List.of("mid", "leaf")) {
      assertThat(events.nodeTypes(skipped)).containsExactly("node.skipped");
      assertThat(events.one("node.skipped", skipped).path("data").path("reason").asText())
          .as("reason of %s", skipped)
          .contains("broken");
    }
    assertThat(events.one("node.skipped", "mid").path("data").path("reason").asText())
        .isEqualTo("dependency 'broken' failed");
    assertThat(events.seq("node.failed", "broken")).isLessThan(events.seq("node.skipped", "mid"));
    assertThat(events.seq("node.skipped", "mid")).isLessThan(events.seq("node.skipped", "leaf"));
    JsonNode failed = events.of("workflow.failed").getFirst().path("data");
    assertThat(SpecRuns.texts(failed.path("errors")))
        .containsExactly("Node broken failed: no luck");
    assertThat(failed.path("output").path("after_ok")).isEqualTo(run.output("after_ok"));
  }

  @Test
  void shouldStillRunDependentsOfAFailedNodeWhenAlwaysContinuing() {
    // given: one dependent that does not read the failed node, one whose template needs its value
    String blueprint =
        """
        {"failure_policy": "always_continue", "nodes": [
          {"id": "broken", "type": "tool", "tool_name": "fail", "tool_args": {"msg": "boom"}},
          {"id": "runs_anyway", "type": "tool", "tool_name": "echo", "dependencies": ["broken"],
           "tool_args": {"note": "still here"}},
          {"id": "needs_value", "type": "tool", "tool_name": "echo", "dependencies": ["broken"],
           "tool_args": {"x": "{{ broken.value }}"}},
          {"id": "sees_null", "type": "tool", "tool_name": "echo", "dependencies": ["broken"],
           "tool_args": {"dep": "{{ broken }}", "is_none": "{{ broken is none }}"}},
          {"id": "mapped", "type": "tool", "tool_name": "echo", "dependencies": ["broken"],
           "input_mappings": {"got": {"source_node_id": "broken", "source_output_key": ""}},
           "tool_args": {"got": "{{ got }}"}},
          {"id": "after_needs", "type": "tool", "tool_name": "constant",
           "dependencies": ["needs_value", "runs_anyway"], "tool_args": {"value": "last"}}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("broken", "failed");
    run.expectNode("runs_anyway", "succeeded");
    assertThat(run.output("runs_anyway")).isEqualTo(SpecRuns.json("{\"note\": \"still here\"}"));
    run.expectNode("sees_null", "succeeded");
    assertThat(run.output("sees_null"))
        .isEqualTo(SpecRuns.json("{\"dep\": null, \"is_none\": true}"));
    run.expectNode("mapped", "succeeded");
    assertThat(run.output("mapped")).isEqualTo(SpecRuns.json("{\"got\": null}"));
    run.expectNode("needs_value", "failed");
    assertThat(run.error("needs_value")).contains("broken");
    run.expectNode("after_needs", "succeeded");
    assertThat(run.output("after_needs").path("value").asText()).isEqualTo("last");
    RunEvents events = run.events();
    assertThat(events.of("node.skipped")).isEmpty();
    assertThat(events.seq("node.failed", "broken"))
        .isLessThan(events.seq("node.queued", "runs_anyway"));
    assertThat(events.nodeTypes("needs_value"))
        .containsExactly("node.queued", "node.started", "node.failed");
    JsonNode failure = events.one("node.failed", "needs_value").path("data").path("failure");
    assertThat(failure.path("retryable").asBoolean()).isFalse();
    assertThat(events.seq("node.failed", "needs_value"))
        .isLessThan(events.seq("node.queued", "after_needs"));
    assertThat(SpecRuns.texts(events.of("workflow.failed").getFirst().path("data").path("errors")))
        .containsExactlyInAnyOrder(
            "Node broken failed: boom", "Node needs_value failed: " + run.error("needs_value"));
  }
}
