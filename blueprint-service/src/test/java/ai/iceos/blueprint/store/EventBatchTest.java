package ai.iceos.blueprint.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventBatchTest {
  private static final RunEvent STARTED = event(1, RunEventType.WORKFLOW_STARTED);
  private static final RunEvent FAILED = event(2, RunEventType.WORKFLOW_FAILED);

  @Test
  void shouldEndAtTheTerminalEventWhenNothingFollowsIt() {
    EventBatch batch = EventBatch.of(List.of(STARTED, FAILED), 2, true, true);

    assertThat(batch.ends()).isTrue();
    assertThat(batch.failedEnd()).isFalse();
  }

  @Test
  void shouldGoOnPastWorkflowFailedWhenARetryHasReopenedTheExecution() {
    EventBatch batch = EventBatch.of(List.of(STARTED, FAILED), 3, false, false);

    assertThat(batch.ends()).isFalse();
    assertThat(batch.hasNews()).isTrue();
  }

  @Test
  void shouldMarkNothingNewOnAFailedExecutionAsAwaitingARetry() {
    EventBatch failed = EventBatch.of(List.of(), 2, true, true);
    EventBatch completed = EventBatch.of(List.of(), 2, true, false);
    EventBatch running = EventBatch.of(List.of(), 2, false, false);

    assertThat(failed.failedEnd()).isTrue();
    assertThat(completed.failedEnd()).isFalse();
    assertThat(completed.ends()).isTrue();
    assertThat(running.hasNews()).isFalse();
  }

  private static RunEvent event(long sequence, RunEventType type) {
    return new RunEvent(
        UUID.randomUUID(),
        "11111111-1111-1111-1111-111111111111",
        sequence,
        type,
        null,
        IceosJson.mapper().createObjectNode(),
        Instant.parse("2026-01-01T00:00:00Z"));
  }
}
