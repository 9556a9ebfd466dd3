package ai.iceos.scheduler.run;

import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.RunEvent;
import java.util.List;
import java.util.Objects;

/**
 * The result of applying one input to a {@link RunState}: the new state, the tasks to send to
 * workers, the events to publish, in order, and the interruptions of running tasks for workers. An
 * input that changes nothing (a duplicate or stale outcome, a late message for a finished run)
 * gives the old state and no tasks or events.
 *
 * @param commands run commands to other executions: a child's {@code StartRun}, a {@code CancelRun}
 *     of a child whose parent was cancelled (decision 0114)
 * @param outcomes the outcome of a child execution for its parent's {@code workflow} node, keyed by
 *     the parent's execution id
 */
public record Transition(
    RunState state,
    List<NodeTask> tasks,
    List<RunEvent> events,
    List<CancelTasks> cancellations,
    List<RunCommand> commands,
    List<NodeOutcome> outcomes) {
  public Transition {
    Objects.requireNonNull(state, "state");
    tasks = List.copyOf(tasks);
    events = List.copyOf(events);
    cancellations = List.copyOf(cancellations);
    commands = commands == null ? List.of() : List.copyOf(commands);
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }

  public Transition(
      RunState state,
      List<NodeTask> tasks,
      List<RunEvent> events,
      List<CancelTasks> cancellations) {
    this(state, tasks, events, cancellations, List.of(), List.of());
  }

  public Transition(RunState state, List<NodeTask> tasks, List<RunEvent> events) {
    this(state, tasks, events, List.of());
  }

  public static Transition unchanged(RunState state) {
    return new Transition(state, List.of(), List.of(), List.of());
  }

  /**
   * Whether the input had an effect. Every state change emits at least one event, so a transition
   * without events or tasks left the state as it was.
   */
  public boolean changed() {
    return !events.isEmpty()
        || !tasks.isEmpty()
        || !cancellations.isEmpty()
        || !commands.isEmpty()
        || !outcomes.isEmpty();
  }
}
