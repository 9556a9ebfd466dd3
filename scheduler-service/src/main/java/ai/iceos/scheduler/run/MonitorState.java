package ai.iceos.scheduler.run;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code monitor} node has seen so far (SPEC §2.11, decision 0113). A trigger fires when the
 * metric expression becomes true (first check, or false before), not on every check while it stays
 * true, so a resumed execution is not paused again by the same condition.
 *
 * @param nextCheckAt when the timer evaluates it again while the execution runs
 * @param checks evaluations so far
 * @param triggers times it fired
 * @param firing the last evaluation's result
 * @param actionTaken the wire name of the action of its last trigger, or null when it never fired
 */
public record MonitorState(
    Instant nextCheckAt, int checks, int triggers, boolean firing, String actionTaken) {
  public MonitorState {
    Objects.requireNonNull(nextCheckAt, "next_check_at");
  }

  /** The earliest next check of a monitor node that is still watching. */
  static Optional<Instant> nextCheck(RunState run) {
    return run.monitors().entrySet().stream()
        .filter(e -> run.nodes().containsKey(e.getKey()))
        .filter(e -> run.node(e.getKey()).status() == NodeStatus.RUNNING)
        .map(e -> e.getValue().nextCheckAt())
        .min(Comparator.naturalOrder());
  }

  /**
   * While paused only attempts that workers run keep a deadline: the paused time does not count
   * against waiting human nodes, retries or monitors.
   */
  static Optional<Instant> attemptDeadline(RunState run) {
    return run.nodes().values().stream()
        .filter(n -> n.status() == NodeStatus.RUNNING)
        .map(NodeState::deadlineAt)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder());
  }
}
