package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2.6 and §2.11: a {@code human} node waits for a decision through the API, for {@code
 * auto_approve_after}, or fails at its {@code timeout_seconds}; a {@code code} node returns its
 * JavaScript function's value.
 */
class SpecHumanAndCodeSystemIT {
  private final IceosApi api = RunningSystem.api();
  private final SpecRuns runs = new SpecRuns(api);

  @Test
  void shouldWaitForADecisionThroughTheApi() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "approve", "type": "human", "prompt_message": "Ship it?"},
          {"id": "after", "type": "tool", "tool_name": "echo", "dependencies": ["approve"],
           "tool_args": {"ok": "{{ approve.approved }}", "note": "{{ approve.response }}"}}
        ]}
        """;
    String executionId = runs.startUntil(blueprint, "waiting", "approve");
    assertThat(runs.view(executionId).path("status").asText()).isEqualTo("running");

    // when
    api.decide(executionId, "approve", SpecRuns.json("{\"approved\": true, \"response\": \"go\"}"))
        .expect(200);
    SpecRuns.Run run = runs.finish(executionId);

    // then
    run.expectStatus("completed");
    assertThat(run.output("approve"))
        .isEqualTo(
            SpecRuns.json(
                """
                {"approved": true, "response": "go", "choice": null, "input": null,
                 "decided_by": "human"}
                """));
    assertThat(run.output("after").path("ok").asBoolean()).isTrue();
    assertThat(run.output("after").path("note").asText()).isEqualTo("go");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("approve"))
        .containsExactly("node.queued", "node.waiting", "node.completed");
    JsonNode waiting = events.one("node.waiting", "approve").path("data");
    assertThat(waiting.path("prompt_message").asText()).isEqualTo("Ship it?");
    assertThat(waiting.path("approval_type").asText()).isEqualTo("approve_reject");
    assertThat(events.seq("node.completed", "approve"))
        .isLessThan(events.seq("node.queued", "after"));
    api.decide(executionId, "approve", SpecRuns.json("{\"approved\": false}")).expectProblem(409);
  }

  @Test
  void shouldRecordAChoiceAndARejectionAsDecisions() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "pick", "type": "human", "prompt_message": "Which colour?",
           "approval_type": "choice", "choices": ["red", "blue"]},
          {"id": "veto", "type": "human", "prompt_message": "Publish?"}
        ]}
        """;
    String executionId = runs.startUntil(blueprint, "waiting", "pick", "veto");

    // when
    api.decide(executionId, "pick", SpecRuns.json("{\"approved\": true, \"choice\": \"blue\"}"))
        .expect(200);
    api.decide(executionId, "veto", SpecRuns.json("{\"approved\": false, \"response\": \"no\"}"))
        .expect(200);
    SpecRuns.Run run = runs.finish(executionId);

    // then
    run.expectStatus("completed");
    assertThat(run.output("pick"))
        .isEqualTo(
            SpecRuns.json(
                """
                {"approved": true, "response": null, "choice": "blue", "input": null,
                 "decided_by": "human"}
                """));
    assertThat(run.output("veto").path("approved").asBoolean()).isFalse();
    assertThat(run.output("veto").path("response").asText()).isEqualTo("no");
    RunEvents events = run.events();
    JsonNode waiting = events.one("node.waiting", "pick").path("data");
    assertThat(waiting.path("approval_type").asText()).isEqualTo("choice");
    assertThat(SpecRuns.texts(waiting.path("choices"))).containsExactly("red", "blue");
    assertThat(events.nodeTypes("veto"))
        .containsExactly("node.queued", "node.waiting", "node.completed");
  }

  @Test
  void shouldApproveByItselfAfterAutoApproveAfter() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "approve", "type": "human", "prompt_message": "Ship it?",
           "auto_approve_after": 1, "timeout_seconds": 30}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    assertThat(run.output("approve").path("approved").asBoolean()).isTrue();
    assertThat(run.output("approve").path("decided_by").asText()).isEqualTo("auto");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("approve"))
        .containsExactly("node.queued", "node.waiting", "node.completed");
    JsonNode waiting = events.one("node.waiting", "approve").path("data");
    assertThat(waiting.path("auto_approve_after").asInt()).isEqualTo(1);
    assertThat(waiting.path("timeout_seconds").asInt()).isEqualTo(30);
  }

  @Test
  void shouldFailAHumanNodeThatGetsNoDecisionInTime() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "approve", "type": "human", "prompt_message": "Ship it?", "timeout_seconds": 1},
          {"id": "after", "type": "tool", "tool_name": "echo", "dependencies": ["approve"]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("approve", "failed");
    assertThat(run.error("approve")).isEqualTo("No decision within 1 s");
    run.expectNode("after", "skipped");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("approve"))
        .containsExactly("node.queued", "node.waiting", "node.failed");
    assertThat(
            events.one("node.failed", "approve").path("data").path("failure").path("type").asText())
        .isEqualTo("timeout");
    assertThat(run.view().path("result").path("error").asText())
        .contains("Node approve failed: No decision within 1 s");
  }

  @Test
  void shouldReturnTheCodeNodesValueWrappingANonObject() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "calc", "type": "code", "code": "return {sum: ctx.inputs.a + ctx.b};"},
          {"id": "scalar", "type": "code", "dependencies": ["calc"],
           "code": "return ctx.calc.sum * 10;"}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint, "{\"a\": 2, \"b\": 3}");

    // then
    run.expectStatus("completed");
    assertThat(run.output("calc")).isEqualTo(SpecRuns.json("{\"sum\": 5}"));
    assertThat(run.output("scalar")).isEqualTo(SpecRuns.json("{\"result\": 50}"));
    RunEvents events = run.events();
    assertThat(events.seq("node.completed", "calc"))
        .isLessThan(events.seq("node.queued", "scalar"));
    assertThat(events.one("node.completed", "scalar").path("data").path("output"))
        .isEqualTo(run.output("scalar"));
  }
}
