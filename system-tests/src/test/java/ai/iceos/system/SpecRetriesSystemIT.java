package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §1.2 and §2.3: failed attempts are retried per the node's retry settings with {@code
 * node.retrying} carrying the wait; not-retryable errors are not retried; a timed-out attempt is
 * abandoned by the worker and retried like any other failure.
 */
class SpecRetriesSystemIT {
  /** The events of a node whose two attempts both failed. */
  private static final List<String> FAILED_TWICE =
      List.of(
          "node.queued",
          "node.started",
          "node.retrying",
          "node.queued",
          "node.started",
          "node.failed");

  private final SpecRuns runs = new SpecRuns(RunningSystem.api());

  @Test
  void shouldRetryFlakyNodesWithFixedLinearAndExponentialWaits() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "fixed", "type": "tool", "tool_name": "flaky", "tool_args": {"fail_times": 2},
           "retry_policy": {"max_attempts": 3, "backoff_strategy": "fixed", "backoff_seconds": 0.2}},
          {"id": "linear", "type": "tool", "tool_name": "flaky", "tool_args": {"fail_times": 3},
           "retry_policy": {"max_attempts": 4, "backoff_strategy": "linear", "backoff_seconds": 0.1}},
          {"id": "exponential", "type": "tool", "tool_name": "flaky", "tool_args": {"fail_times": 3},
           "retry_policy": {"max_attempts": 4, "backoff_strategy": "exponential",
                            "backoff_seconds": 0.1}}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    assertRetriedThenSucceeded(run, "fixed", 2, List.of(0.2, 0.2));
    assertRetriedThenSucceeded(run, "linear", 3, List.of(0.1, 0.2, 0.3));
    assertRetriedThenSucceeded(run, "exponential", 3, List.of(0.1, 0.2, 0.4));
  }

  @Test
  void shouldFoldLegacyRetriesAndBackoffSecondsIntoFixedWaits() {
    // given: retries r = r + 1 attempts; no retries = one attempt
    String blueprint =
        """
        {"nodes": [
          {"id": "legacy", "type": "tool", "tool_name": "flaky", "tool_args": {"fail_times": 2},
           "retries": 2, "backoff_seconds": 0.3},
          {"id": "exhausted", "type": "tool", "tool_name": "flaky", "tool_args": {"fail_times": 5},
           "retries": 1},
          {"id": "once", "type": "tool", "tool_name": "flaky", "tool_args": {"fail_times": 1}}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    assertRetriedThenSucceeded(run, "legacy", 2, List.of(0.3, 0.3));
    RunEvents events = run.events();
    run.expectNode("exhausted", "failed");
    assertThat(run.node("exhausted").path("attempts").asInt()).isEqualTo(2);
    assertThat(run.error("exhausted")).isEqualTo("Transient failure on attempt 2 of 5");
    assertThat(events.nodeTypes("exhausted")).isEqualTo(FAILED_TWICE);
    JsonNode failed = events.one("node.failed", "exhausted").path("data");
    assertThat(failed.path("attempt").asInt()).isEqualTo(2);
    assertThat(failed.path("error").asText()).isEqualTo("Transient failure on attempt 2 of 5");
    assertThat(failed.path("failure").path("type").asText()).isEqualTo("transient");
    assertThat(failed.path("failure").path("retryable").asBoolean()).isTrue();
    assertThat(events.nodeTypes("once"))
        .containsExactly("node.queued", "node.started", "node.failed");
    assertThat(run.error("once")).isEqualTo("Transient failure on attempt 1 of 1");
    assertThat(run.view().path("result").path("error").asText())
        .contains("Node exhausted failed: Transient failure on attempt 2 of 5")
        .contains("Node once failed: Transient failure on attempt 1 of 1")
        .doesNotContain("legacy");
  }

  @Test
  void shouldRetryAnLlmAttemptWhoseOutputIsInvalid() {
    // given: the offline model answers text, the node wants JSON
    String blueprint =
        """
        {"nodes": [
          {"id": "ask", "type": "llm", "model": "gpt-4o", "prompt": "Give me JSON",
           "response_format": "json", "retries": 1}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("ask", "failed");
    assertThat(run.node("ask").path("attempts").asInt()).isEqualTo(2);
    assertThat(run.error("ask")).startsWith("Model output is not valid JSON");
    RunEvents events = run.events();
    assertThat(events.nodeTypes("ask")).isEqualTo(FAILED_TWICE);
    assertThat(events.one("node.retrying", "ask").path("data").path("error").asText())
        .startsWith("Model output is not valid JSON");
    JsonNode failure = events.one("node.failed", "ask").path("data").path("failure");
    assertThat(failure.path("type").asText()).isEqualTo("invalid-output");
    assertThat(failure.path("retryable").asBoolean()).isTrue();
    assertThat(run.view().path("usage").path("llm_calls").asInt()).isEqualTo(2);
  }

  @Test
  void shouldNotRetryAnErrorMarkedNotRetryable() {
    // given: arguments the tool refuses (validation) and a policy that would allow two retries
    String blueprint =
        """
        {"nodes": [
          {"id": "bad_args", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": "soon"},
           "retry_policy": {"max_attempts": 3, "backoff_strategy": "fixed", "backoff_seconds": 0}}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("bad_args", "failed");
    assertThat(run.node("bad_args").path("attempts").asInt()).isEqualTo(1);
    RunEvents events = run.events();
    assertThat(events.nodeTypes("bad_args"))
        .containsExactly("node.queued", "node.started", "node.failed");
    JsonNode failure = events.one("node.failed", "bad_args").path("data").path("failure");
    assertThat(failure.path("type").asText()).isEqualTo("validation");
    assertThat(failure.path("retryable").asBoolean()).isFalse();
    assertThat(run.error("bad_args")).contains("seconds");
  }

  @Test
  void shouldAbandonATimedOutAttemptAndRetryIt() {
    // given: a 5 s sleep with a 1 s per-attempt timeout and one retry
    String blueprint =
        """
        {"nodes": [
          {"id": "slowpoke", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 5},
           "timeout_seconds": 1, "retries": 1}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("failed");
    run.expectNode("slowpoke", "failed");
    assertThat(run.node("slowpoke").path("attempts").asInt()).isEqualTo(2);
    String timedOut = "Node 'slowpoke' timed out after 1 s";
    assertThat(run.error("slowpoke")).isEqualTo(timedOut);
    RunEvents events = run.events();
    assertThat(events.nodeTypes("slowpoke")).isEqualTo(FAILED_TWICE);
    JsonNode retrying = events.one("node.retrying", "slowpoke").path("data");
    assertThat(retrying.path("error").asText()).isEqualTo(timedOut);
    assertThat(retrying.path("attempt").asInt()).isEqualTo(1);
    assertThat(retrying.path("next_attempt").asInt()).isEqualTo(2);
    JsonNode failure = events.one("node.failed", "slowpoke").path("data").path("failure");
    assertThat(failure.path("type").asText()).isEqualTo("timeout");
    assertThat(failure.path("message").asText()).isEqualTo(timedOut);
    assertThat(run.view().path("result").path("error").asText())
        .contains("Node slowpoke failed: " + timedOut);
  }

  /**
   * A flaky node that failed {@code failures} times: one {@code node.retrying} per failed attempt
   * with these waits, each next attempt queued no sooner than its wait, then success.
   */
  private static void assertRetriedThenSucceeded(
      SpecRuns.Run run, String node, int failures, List<Double> waits) {
    run.expectNode(node, "succeeded");
    assertThat(run.output(node).path("attempt").asInt()).isEqualTo(failures + 1);
    assertThat(run.node(node).path("attempts").asInt()).isEqualTo(failures + 1);
    RunEvents events = run.events();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < failures; i++) {
      expected.addAll(List.of("node.queued", "node.started", "node.retrying"));
    }
    expected.addAll(List.of("node.queued", "node.started", "node.completed"));
    assertThat(events.nodeTypes(node)).as("events of %s", node).isEqualTo(expected);
    List<JsonNode> retrying = events.of("node.retrying", node);
    List<JsonNode> queued = events.of("node.queued", node);
    for (int i = 0; i < failures; i++) {
      JsonNode data = retrying.get(i).path("data");
      assertThat(data.path("attempt").asInt()).isEqualTo(i + 1);
      assertThat(data.path("next_attempt").asInt()).isEqualTo(i + 2);
      assertThat(data.path("wait_seconds").asDouble())
          .as("wait %d of %s", i, node)
          .isEqualTo(waits.get(i));
      assertThat(data.path("error").asText())
          .isEqualTo("Transient failure on attempt " + (i + 1) + " of " + failures);
      assertThat(queued.get(i + 1).path("data").path("attempt").asInt()).isEqualTo(i + 2);
      Duration waited = Duration.between(timestamp(retrying.get(i)), timestamp(queued.get(i + 1)));
      assertThat(waited.toMillis())
          .as("wait before attempt %d of %s", i + 2, node)
          .isGreaterThanOrEqualTo(Math.round(waits.get(i) * 1000) - 1);
    }
    assertThat(events.one("node.completed", node).path("data").path("attempt").asInt())
        .isEqualTo(failures + 1);
  }

  private static Instant timestamp(JsonNode event) {
    return Instant.parse(event.path("timestamp").asText());
  }
}
