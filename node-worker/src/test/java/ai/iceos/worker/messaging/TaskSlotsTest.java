package ai.iceos.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSlotsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final List<String> startOrder = new ArrayList<>();

  @Test
  void shouldStartTasksAtOnceWhileSlotsAreFree() {
    TaskSlots slots = new TaskSlots(2);

    TaskSlots.Ticket a = enter(slots, "a", T0.plusSeconds(9));
    TaskSlots.Ticket b = enter(slots, "b", T0);

    assertThat(a.isStarted()).isTrue();
    assertThat(b.isStarted()).isTrue();
    assertThat(startOrder).containsExactly("a", "b");
  }

  @Test
  void shouldGiveAFreedSlotToTheEarliestStartedExecutionThenUndatedInArrivalOrder() {
    TaskSlots slots = new TaskSlots(1);
    TaskSlots.Ticket running = enter(slots, "running", null);
    TaskSlots.Ticket late = enter(slots, "late", T0.plusSeconds(30));
    TaskSlots.Ticket undatedFirst = enter(slots, "undated-1", null);
    TaskSlots.Ticket early = enter(slots, "early", T0.plusSeconds(10));
    TaskSlots.Ticket undatedSecond = enter(slots, "undated-2", null);
    TaskSlots.Ticket lateTwin = enter(slots, "late-twin", T0.plusSeconds(30));
    assertThat(slots.waiting()).isEqualTo(5);

    running.leave();
    early.leave();
    late.leave();
    lateTwin.leave();
    undatedFirst.leave();
    undatedSecond.leave();

    assertThat(startOrder)
        .containsExactly("running", "early", "late", "late-twin", "undated-1", "undated-2");
    assertThat(slots.waiting()).isZero();
  }

  @Test
  void shouldNeverStartATaskThatLeftWhileWaiting() {
    TaskSlots slots = new TaskSlots(1);
    TaskSlots.Ticket running = enter(slots, "running", T0);
    TaskSlots.Ticket abandoned = enter(slots, "abandoned", T0);
    TaskSlots.Ticket next = enter(slots, "next", T0.plusSeconds(1));

    abandoned.leave();
    running.leave();

    assertThat(abandoned.isStarted()).isFalse();
    assertThat(next.isStarted()).isTrue();
    assertThat(startOrder).containsExactly("running", "next");
  }

  @Test
  void shouldFreeASlotOnlyOnceWhenATaskLeavesTwice() {
    TaskSlots slots = new TaskSlots(1);
    TaskSlots.Ticket running = enter(slots, "running", T0);
    TaskSlots.Ticket second = enter(slots, "second", T0);
    TaskSlots.Ticket third = enter(slots, "third", T0);

    running.leave();
    running.leave();

    assertThat(second.isStarted()).isTrue();
    assertThat(third.isStarted()).isFalse();
    second.leave();
    assertThat(third.isStarted()).isTrue();
  }

  private TaskSlots.Ticket enter(TaskSlots slots, String name, Instant executionStartedAt) {
    TaskSlots.Ticket ticket = slots.enter(executionStartedAt);
    ticket.started().thenRun(() -> startOrder.add(name));
    return ticket;
  }
}
