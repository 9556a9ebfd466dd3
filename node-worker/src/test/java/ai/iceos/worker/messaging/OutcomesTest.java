package ai.iceos.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.node.AttemptResult;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutcomesTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:01Z");
  private final NodeTask task =
      new NodeTask(
          UUID.randomUUID(),
          "exec-1:a:2",
          "exec-1",
          "org-1",
          "a",
          2,
          ToolNodeSpec.of("a", "echo", null),
          IceosJson.mapper().createObjectNode(),
          1_000,
          AT);

  @Test
  void shouldDescribeTheAttemptWithFreshMessageIds() {
    var started = Outcomes.started(task, "host-1", AT);
    var again = Outcomes.started(task, "host-1", AT);

    assertThat(started.taskId()).isEqualTo("exec-1:a:2");
    assertThat(started.attempt()).isEqualTo(2);
    assertThat(started.workerId()).isEqualTo("host-1");
    assertThat(started.messageId()).isNotEqualTo(again.messageId()).isNotEqualTo(task.messageId());
  }

  @Test
  void shouldReportSuccessWithoutCacheHit() {
    var output = IceosJson.mapper().createObjectNode().put("x", 1);

    var outcome =
        Outcomes.finished(
            task, new AttemptResult.Succeeded(output, null), "host-1", AT.minusMillis(12), AT);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> {
              assertThat(completed.output()).isEqualTo(output);
              assertThat(completed.cacheHit()).isFalse();
              assertThat(completed.durationMs()).isEqualTo(12);
              assertThat(completed.startedAt()).isEqualTo(AT.minusMillis(12));
              assertThat(completed.workerId()).isEqualTo("host-1");
              assertThat(completed.executionId()).isEqualTo("exec-1");
            });
  }

  @Test
  void shouldReportFailureWithItsClassification() {
    Failure failure = Failure.retryable("timeout", "Node 'a' timed out after 1 s");

    var outcome =
        Outcomes.finished(
            task, new AttemptResult.Failed(failure, null), "host-1", AT.minusSeconds(1), AT);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            NodeFailed.class,
            failed -> {
              assertThat(failed.failure()).isEqualTo(failure);
              assertThat(failed.durationMs()).isEqualTo(1_000);
              assertThat(failed.startedAt()).isEqualTo(AT.minusSeconds(1));
              assertThat(failed.workerId()).isEqualTo("host-1");
            });
  }

  @Test
  void shouldTurnAHandlerBugIntoARetryableInternalFailure() {
    var outcome = Outcomes.internal(task, new IllegalStateException("oops"), "host-1", AT);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            NodeFailed.class,
            failed -> {
              assertThat(failed.failure())
                  .isEqualTo(Failure.retryable("internal", "IllegalStateException: oops"));
              assertThat(failed.taskId()).isEqualTo("exec-1:a:2");
              assertThat(failed.attempt()).isEqualTo(2);
              assertThat(failed.startedAt()).isEqualTo(AT);
            });
  }
}
