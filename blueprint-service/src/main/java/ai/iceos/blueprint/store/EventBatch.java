package ai.iceos.blueprint.store;

import ai.iceos.contracts.messaging.RunEvent;
import java.util.List;

/**
 * The next stored run events of an execution, in sequence order with no gap.
 *
 * @param ends true when nothing follows: the execution has ended and these events reach its last
 *     one (a terminal event followed by a retry's {@code workflow.resumed} does not end it)
 * @param failedEnd true when there is nothing after the requested sequence and the execution has
 *     failed: a retry may still continue its events (decision 0113)
 */
public record EventBatch(List<RunEvent> events, boolean ends, boolean failedEnd) {
  public EventBatch {
    events = List.copyOf(events);
  }

  public static EventBatch none() {
    return new EventBatch(List.of(), false, false);
  }

  /** Nothing more to send: the stream ends. */
  public static EventBatch end() {
    return new EventBatch(List.of(), true, false);
  }

  /** True when it has something to send. */
  public boolean hasNews() {
    return ends || !events.isEmpty();
  }

  /**
   * @param lastSequence the last event folded into the view
   * @param finished whether the view is terminal
   * @param failed whether the view is failed
   */
  static EventBatch of(List<RunEvent> events, long lastSequence, boolean finished, boolean failed) {
    boolean reachesEnd =
        events.isEmpty() || events.get(events.size() - 1).sequence() >= lastSequence;
    return new EventBatch(events, finished && reachesEnd, failed && events.isEmpty());
  }
}
