package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pausing, resuming and retrying an execution (SPEC §2.6, §3, decision 0113). Only a paused
 * execution resumes and only a failed one is retried, so a cancelled or completed execution never
 * runs again. Both continue the same gap-free event sequence with {@code workflow.resumed}.
 */
final class RunControl {
  static final String RESUME = "resume";
  static final String RETRY = "retry";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RunControl() {}

  /** A monitor paused the execution: {@code workflow.paused}; nothing new starts. */
  static void pause(Step step, String monitorPath) {
    step.status = RunStatus.PAUSED;
    step.pausedAt = step.now;
    ObjectNode data = JSON.objectNode();
    data.put("reason", "Paused by monitor " + monitorPath);
    data.put("monitor", monitorPath);
    step.emit(RunEventType.WORKFLOW_PAUSED, null, data);
  }

  /**
   * Resumes a paused execution: the paused time does not count against the run's {@code
   * timeout_seconds} nor a waiting human node's {@code auto_approve_after}/{@code timeout_seconds}
   * (their deadlines move by it); retries that fell due meanwhile are queued now. Attempts that
   * workers ran meanwhile keep their own deadlines.
   */
  static Transition resume(RunState state, Instant now) {
    if (state.status() != RunStatus.PAUSED) {
      return Transition.unchanged(state);
    }
    Step step = new Step(state, now);
    Duration paused = Duration.between(state.pausedAt(), now);
    step.excludedMs += paused.toMillis();
    step.pausedAt = null;
    step.status = RunStatus.RUNNING;
    for (String path : step.allPaths()) {
      NodeState node = step.node(path);
      if (node.status() == NodeStatus.WAITING && node.deadlineAt() != null) {
        step.put(path, node.waiting(node.startedAt().plus(paused), node.deadlineAt().plus(paused)));
      }
    }
    ObjectNode data = JSON.objectNode().put("reason", RESUME);
    data.put("paused_seconds", BigDecimal.valueOf(paused.toMillis(), 3));
    step.emit(RunEventType.WORKFLOW_RESUMED, null, data);
    return RunTransitions.progress(step);
  }

  /**
   * Runs a failed execution again: every failed node and every node skipped for any reason but a
   * condition's choice gets pending again (keeping its attempt count, so task ids stay unique),
   * nested ones included; a loop, condition, parallel or recursive node with opened frames runs on
   * from where it failed. Succeeded nodes keep their outputs. Monitors (top-level ones, and nested
   * ones of every frame that runs again) watch again from scratch: fresh checks, no earlier
   * trigger; guard errors are cleared, and {@code timeout_seconds} counts from the retry.
   */
  static Transition retry(RunState state, Instant now) {
    if (state.status() != RunStatus.FAILED) {
      return Transition.unchanged(state);
    }
    Step step = new Step(state, now);
    List<String> reset = new ArrayList<>();
    List<String> reopened = new ArrayList<>();
    int lowest = step.levelCount();
    for (String id : step.order) {
      if (needsRerun(step, id) || isMonitor(step, id)) {
        reset(step, id, reset, reopened);
        lowest = Math.min(lowest, step.planned(id).level());
      }
    }
    step.guardErrors.clear();
    step.excludedMs = Duration.between(state.startedAt(), now).toMillis();
    step.retries++;
    step.status = RunStatus.RUNNING;
    step.finishedAt = null;
    step.currentLevel = lowest;
    step.openedLevels = lowest;
    ObjectNode data = JSON.objectNode().put("reason", RETRY).put("retry", step.retries);
    ArrayNode nodes = data.putArray("reset_nodes");
    reset.forEach(nodes::add);
    step.emit(RunEventType.WORKFLOW_RESUMED, null, data);
    for (String path : reopened) {
      RunProgress.emitQueued(step, path, 1);
      step.put(path, step.node(path).running(step.now, null));
      step.emit(RunEventType.NODE_STARTED, path, EventData.nodeStarted(1, ControlFlow.WORKER_ID));
    }
    return RunTransitions.progress(step);
  }

  private static boolean isMonitor(Step step, String path) {
    return step.planned(path).spec().kind() == NodeType.MONITOR;
  }

  private static boolean needsRerun(Step step, String path) {
    NodeState node = step.node(path);
    return node.status() == NodeStatus.FAILED
        || (node.status() == NodeStatus.SKIPPED
            && !node.skipReason().startsWith(RunProgress.BRANCH_NOT_TAKEN));
  }

  private static void reset(Step step, String path, List<String> reset, List<String> reopened) {
    NodeState node = step.node(path);
    PlannedNode planned = step.planned(path);
    boolean control = ControlFlow.isControl(planned);
    List<Frame> frames = step.framesOf(path);
    reset.add(path);
    if (control && !frames.isEmpty()) {
      reopened.add(path); // runs on with its frames: queued and started again below
      for (Frame frame : frames) {
        List<String> nested = SubGraphs.order(step.graph(frame)).stream().map(frame::path).toList();
        // A frame that runs again runs its monitors again too, from scratch, like top-level ones.
        boolean rerun = nested.stream().anyMatch(id -> needsRerun(step, id));
        for (String id : nested) {
          if (needsRerun(step, id) || (rerun && isMonitor(step, id))) {
            reset(step, id, reset, reopened);
          }
        }
      }
      return;
    }
    if (!control && node.attempt() > 0) {
      step.executions.computeIfPresent(planned.spec().kind().wireName(), (k, n) -> n - 1);
    }
    step.monitors.remove(path);
    step.put(
        path,
        new NodeState(
            NodeStatus.PENDING,
            control ? 0 : node.attempt(),
            null,
            null,
            null,
            node.usage(),
            null,
            null,
            null,
            null));
  }
}
