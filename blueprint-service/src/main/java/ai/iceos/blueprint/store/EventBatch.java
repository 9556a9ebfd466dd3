package ai.iceos.blueprint.store;

import ai.iceos.contracts.messaging.RunEvent;
import java.util.List;

/**
 * The next stored run events of an execution, in sequence order with no gap.
 *
 * @param ends true when nothing follows: the last event is terminal, or there is none and the
 *     execution has finished
 */
public record EventBatch(List<RunEvent> events, boolean ends) {
  public EventBatch {
    events = List.copyOf(events);
  }

  public static EventBatch none() {
    return new EventBatch(List.of(), false);
  }

  /** True when it has something to send. */
  public boolean hasNews() {
    return ends || !events.isEmpty();
  }

  static EventBatch of(List<RunEvent> events, boolean finished) {
    boolean ends =
        events.isEmpty() ? finished : events.get(events.size() - 1).eventType().isTerminal();
    return new EventBatch(events, ends);
  }
}
