package ai.iceos.scheduler.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import ai.iceos.scheduler.store.OutboxRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
  @Test
  void shouldHandOverNodeTasksFirstAndKeepEachTopicsOrder() {
    List<OutboxRow> committed =
        List.of(
            row(1, Topics.RUN_EVENTS),
            row(2, Topics.RUN_EVENTS),
            row(3, Topics.NODE_TASKS),
            row(4, Topics.RUN_EVENTS),
            row(5, Topics.NODE_TASKS),
            row(6, Topics.TASK_CANCELLATIONS));

    List<Long> order = OutboxRelay.tasksFirst(committed).stream().map(OutboxRow::id).toList();

    assertThat(order).containsExactly(3L, 5L, 1L, 2L, 4L, 6L);
  }

  private static OutboxRow row(long id, String topic) {
    return new OutboxRow(id, topic, "e1", "{}", null);
  }
}
