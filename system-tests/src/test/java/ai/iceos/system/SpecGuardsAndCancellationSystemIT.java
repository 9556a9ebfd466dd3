package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.RunEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2.8 (depth and token ceilings, {@code max_*} counters, the run's {@code timeout_seconds}),
 * §2.9 (cancellation) and §2.10 (each node recorded once), through the whole system.
 */
class SpecGuardsAndCancellationSystemIT {
  private final IceosApi api = RunningSystem.api();
  private final SpecRuns runs = new SpecRuns(api);

  @Test
  void shouldNotRunLevelsBeyondTheDepthCeiling() {
    // given: levels 0, 1 and 2; the ceiling lets levels 0 and 1 run
    String blueprint =
        """
        {"limits": {"depth_ceiling": 2}, "nodes": [
          {"id": "a", "type": "tool", "tool_name": "constant", "tool_args": {"value": 1}},
          {"id": "b", "type": "tool", "tool_name": "echo", "dependencies": ["a"]},
          {"id": "c", "type": "tool", "tool_name": "echo", "dependencies": ["b"]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("a", "succeeded");
    run.expectNode("b", "succeeded");
    run.expectNode("c", "skipped");
    assertThat(run.view().path("result").path("error").asText()).contains("Depth ceiling reached");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("c")).containsExactly("node.skipped");
    assertThat(events.one("node.skipped", "c").path("data").path("reason").asText())
        .isEqualTo("Depth ceiling reached");
    assertThat(errors(events)).containsExactly("Depth ceiling reached");
  }

  @Test
  void shouldStartNothingNewOnceTheTokenCeilingIsExceeded() {
    // given
    String blueprint =
        """
        {"limits": {"token_ceiling": 1}, "nodes": [
          {"id": "ask", "type": "llm", "model": "gpt-4o", "prompt": "Tell me a story"},
          {"id": "after", "type": "tool", "tool_name": "echo", "dependencies": ["ask"]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("ask", "succeeded");
    assertThat(run.output("ask").path("usage").path("total_tokens").asLong()).isGreaterThan(1);
    run.expectNode("after", "skipped");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("after")).containsExactly("node.skipped");
    assertThat(events.one("node.skipped", "after").path("data").path("reason").asText())
        .isEqualTo("Token ceiling exceeded");
    assertThat(events.seq("node.completed", "ask")).isLessThan(events.seq("node.skipped", "after"));
    assertThat(errors(events)).containsExactly("Token ceiling exceeded");
    assertThat(run.view().path("result").path("error").asText()).contains("Token ceiling exceeded");
  }

  @Test
  void shouldFailTheNodeThatWouldExceedAMaxCounterBeforeItRunsAndNotRetryIt() {
    // given: three tool nodes in a chain, two allowed
    String blueprint =
        """
        {"limits": {"max_tool_executions": 2}, "nodes": [
          {"id": "t1", "type": "tool", "tool_name": "constant", "tool_args": {"value": 1}},
          {"id": "t2", "type": "tool", "tool_name": "constant", "dependencies": ["t1"]},
          {"id": "t3", "type": "tool", "tool_name": "constant", "dependencies": ["t2"],
           "retry_policy": {"max_attempts": 3, "backoff_strategy": "fixed", "backoff_seconds": 0}}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    String error = "Tool execution budget exceeded (max=2, current=3)";
    run.expectStatus("failed");
    run.expectNode("t1", "succeeded");
    run.expectNode("t2", "succeeded");
    run.expectNode("t3", "failed");
    assertThat(run.error("t3")).isEqualTo(error);
    RunEvents events = run.events();
    assertThat(events.nodeTypes("t3")).as("refused before it ran").containsExactly("node.failed");
    JsonNode failed = events.one("node.failed", "t3").path("data");
    assertThat(failed.path("attempt").asInt()).isZero();
    assertThat(failed.path("error").asText()).isEqualTo(error);
    assertThat(failed.path("failure").path("retryable").asBoolean()).isFalse();
    assertThat(errors(events)).containsExactly("Node t3 failed: " + error);
    assertThat(run.view().path("usage").path("tool_executions").asInt()).isEqualTo(2);
  }

  @Test
  void shouldFailTheLlmNodeThatWouldExceedMaxLlmCalls() {
    // given
    String blueprint =
        """
        {"limits": {"max_llm_calls": 1}, "nodes": [
          {"id": "first", "type": "llm", "model": "gpt-4o", "prompt": "one"},
          {"id": "second", "type": "llm", "model": "gpt-4o", "prompt": "two",
           "dependencies": ["first"]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    String error = "LLM call budget exceeded (max=1, current=2)";
    run.expectStatus("failed");
    run.expectNode("first", "succeeded");
    assertThat(run.output("first").path("response").asText()).isEqualTo("ECHO::one");
    run.expectNode("second", "failed");
    assertThat(run.error("second")).isEqualTo(error);
    assertThat(run.view().path("usage").path("llm_calls").asInt()).isEqualTo(1);
    RunEvents events = run.events();
    assertThat(events.nodeTypes("second")).containsExactly("node.failed");
    assertThat(events.seq("node.completed", "first"))
        .isLessThan(events.seq("node.failed", "second"));
    assertThat(errors(events)).containsExactly("Node second failed: " + error);
  }

  @Test
  void shouldFailTheExecutionWhenItsTimeoutSecondsRunOut() {
    // given
    String blueprint =
        """
        {"limits": {"timeout_seconds": 3}, "nodes": [
          {"id": "nap", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 20}},
          {"id": "after", "type": "tool", "tool_name": "echo", "dependencies": ["nap"]}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    String error = "Execution timeout exceeded (timeout_seconds=3)";
    run.expectStatus("failed");
    run.expectNode("nap", "failed");
    assertThat(run.error("nap")).isEqualTo(error);
    run.expectNode("after", "skipped");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("nap"))
        .containsExactly("node.queued", "node.started", "node.failed");
    assertThat(events.one("node.skipped", "after").path("data").path("reason").asText())
        .isEqualTo(error);
    assertThat(events.seq("node.failed", "nap")).isLessThan(events.seq("node.skipped", "after"));
    assertThat(errors(events)).contains(error);
  }

  @Test
  void shouldInterruptRunningNodesAndNeverCompleteACancelledExecution() {
    // given: an 8 s sleep running, a node waiting for it
    String blueprint =
        """
        {"nodes": [
          {"id": "nap", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 8}},
          {"id": "after", "type": "tool", "tool_name": "echo", "dependencies": ["nap"]}
        ]}
        """;
    String executionId = runs.startUntil(blueprint, "running", "nap");

    // when
    api.cancel(executionId).expect(202);
    SpecRuns.Run run = runs.finish(executionId);

    // then
    run.expectStatus("cancelled");
    run.expectNode("nap", "cancelled");
    run.expectNode("after", "cancelled");
    RunEvents events = run.events();
    assertThat(events.all().getLast().path("event_type").asText()).isEqualTo("workflow.cancelled");
    assertThat(events.nodeTypes("nap")).containsExactly("node.queued", "node.started");
    assertThat(events.nodeTypes("after")).isEmpty();
    api.cancel(executionId).expectProblem(409);
    // until well after the sleep would have ended, the execution stays cancelled
    Instant sleepEnd =
        Instant.parse(events.one("node.started", "nap").path("timestamp").asText()).plusSeconds(8);
    Duration untilAfterSleep = Duration.between(Instant.now(), sleepEnd.plusSeconds(2));
    await()
        .during(untilAfterSleep.isNegative() ? Duration.ofMillis(100) : untilAfterSleep)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> runs.view(executionId).path("status").asText().equals("cancelled"));
    List<NodeOutcome> outcomes =
        NodeStartLog.outcomes(RunningSystem.get().kafkaBootstrap(), executionId);
    assertThat(outcomes).anySatisfy(o -> assertThat(o.nodeId()).isEqualTo("nap"));
    assertThat(outcomes)
        .as("the worker dropped the sleep")
        .noneMatch(o -> o instanceof NodeCompleted);
    JsonNode view = runs.view(executionId);
    assertThat(view.path("status").asText()).isEqualTo("cancelled");
    assertThat(view.path("nodes").path("nap").path("status").asText()).isEqualTo("cancelled");
    assertThat(new RunEvents(api.events(executionId)).all()).hasSameSizeAs(events.all());
  }

  @Test
  void shouldCancelAnExecutionWaitingForAHuman() {
    // given
    String executionId =
        runs.startUntil(
            """
            {"nodes": [
              {"id": "ask", "type": "human", "prompt_message": "Go?"},
              {"id": "after", "type": "tool", "tool_name": "echo", "dependencies": ["ask"]}
            ]}
            """,
            "waiting",
            "ask");

    // when
    api.cancel(executionId).expect(202);
    SpecRuns.Run run = runs.finish(executionId);

    // then
    run.expectStatus("cancelled");
    run.expectNode("ask", "cancelled");
    run.expectNode("after", "cancelled");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("ask")).containsExactly("node.queued", "node.waiting");
    assertThat(events.all().getLast().path("event_type").asText()).isEqualTo("workflow.cancelled");
    api.decide(executionId, "ask", SpecRuns.json("{\"approved\": true}")).expectProblem(409);
  }

  @Test
  void shouldRecordEveryNodeOnceAndPublishTheSameEventsItStreams() {
    // given: a fan-out with a retried node and a join
    String blueprint =
        """
        {"nodes": [
          {"id": "root", "type": "tool", "tool_name": "constant", "tool_args": {"value": 2}},
          {"id": "f1", "type": "tool", "tool_name": "echo", "dependencies": ["root"]},
          {"id": "f2", "type": "tool", "tool_name": "echo", "dependencies": ["root"]},
          {"id": "f3", "type": "tool", "tool_name": "flaky", "dependencies": ["root"],
           "tool_args": {"fail_times": 1}, "retries": 1},
          {"id": "f4", "type": "tool", "tool_name": "sleep", "dependencies": ["root"],
           "tool_args": {"seconds": 0.2}},
          {"id": "join", "type": "tool", "tool_name": "echo",
           "dependencies": ["f1", "f2", "f3", "f4"], "tool_args": {"attempt": "{{ f3.attempt }}"}}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    assertThat(run.output("join").path("attempt").asInt()).isEqualTo(2);
    RunEvents events = run.events();
    Set<String> nodes = Set.of("root", "f1", "f2", "f3", "f4", "join");
    for (String node : nodes) {
      assertThat(events.of("node.completed", node)).as("completions of %s", node).hasSize(1);
      run.expectNode(node, "succeeded");
    }
    assertThat(events.nodesWith("node.completed")).isEqualTo(nodes);
    // the broker holds the same events (a redelivered copy keeps its sequence)
    List<RunEvent> published =
        RunEventLog.of(
            RunningSystem.get().kafkaBootstrap(), run.executionId(), Duration.ofSeconds(30));
    Map<Long, String> bySequence = new TreeMap<>();
    published.forEach(
        e -> bySequence.put(e.sequence(), e.eventType().wireName() + ":" + e.nodeId()));
    Map<Long, String> streamed = new TreeMap<>();
    events
        .all()
        .forEach(
            e ->
                streamed.put(
                    e.path("sequence").asLong(),
                    e.path("event_type").asText() + ":" + e.path("node_id").asText(null)));
    assertThat(bySequence).isEqualTo(streamed);
  }

  private static List<String> errors(RunEvents events) {
    return SpecRuns.texts(events.of("workflow.failed").getFirst().path("data").path("errors"));
  }
}
