package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a running execution forward after any change (SPEC §2.1, §2.4): skips what can no longer
 * run, completes and opens levels, queues ready nodes within {@code max_parallel}, and ends the
 * execution once every node is terminal.
 */
final class RunProgress {
  static final String HALTED = "halted";

  /** Reasons of skips caused by a condition's choice start with this; they never mean failure. */
  static final String BRANCH_NOT_TAKEN = "branch not taken";

  private RunProgress() {}

  /**
   * Repeats until nothing changes, because a change can enable another: a loop over an empty list
   * completes at once and its dependents become ready, a finished iteration opens the next one.
   */
  static void settle(Step step) {
    if (step.status != RunStatus.RUNNING) {
      return;
    }
    while (true) {
      if (step.status != RunStatus.RUNNING) {
        return; // a monitor paused it: nothing new starts until it is resumed
      }
      long sequence = step.nextSequence;
      int frames = step.frames.size();
      if (Guards.overTokens(step)) {
        step.guardError(Guards.TOKEN_CEILING);
      }
      String haltReason = haltReason(step);
      boolean halted = haltReason != null;
      if (halted) {
        stopEverythingNotRunning(step, haltReason);
      }
      for (Graph graph : graphs(step)) {
        skipBlocked(step, graph);
      }
      completeLevels(step, halted);
      if (!halted) {
        queueReadyNodes(step);
      }
      ControlFlow.finishOwners(step, haltReason);
      if (step.nextSequence == sequence && step.frames.size() == frames) {
        break;
      }
    }
    finishIfDone(step);
  }

  /** Whether nothing new may start; see {@link #haltReason}. */
  static boolean isHalted(Step step) {
    return haltReason(step) != null;
  }

  /**
   * Why nothing new may start, or null: the run's timeout or token ceiling (guard errors), or under
   * halt_on_first_error a node (nested ones included) that failed for good.
   */
  static String haltReason(Step step) {
    for (String error : step.guardErrors) {
      if (!error.equals(Guards.DEPTH_CEILING)) {
        return error;
      }
    }
    boolean failed =
        step.base.failurePolicy() == FailurePolicy.HALT_ON_FIRST_ERROR
            && step.allPaths().stream().anyMatch(id -> step.node(id).status() == NodeStatus.FAILED);
    return failed ? HALTED : null;
  }

  /** Queues attempt {@code attempt} of a node: {@code node.queued} and a task. */
  static void queue(Step step, String path, int attempt) {
    PlannedNode node = step.planned(path);
    if (WorkflowNodes.isWorkflow(node)) {
      WorkflowNodes.start(step, path, attempt);
      return;
    }
    emitQueued(step, path, attempt);
    step.send(path, node, attempt, step.scopeOf(path));
  }

  /** Marks a node queued with {@code node.queued}, opening its level first (top-level nodes). */
  static void emitQueued(Step step, String path, int attempt) {
    PlannedNode node = step.planned(path);
    Frame frame = step.frameOf(path);
    if (frame == null) {
      openLevelsUpTo(step, node.level());
    }
    step.put(path, step.node(path).queued(attempt));
    step.emit(
        RunEventType.NODE_QUEUED,
        path,
        EventData.nodeQueued(attempt, node.level(), frame == null ? null : frame.owner()));
  }

  /**
   * The graphs whose nodes may still change: the top level, and every frame whose owner is still
   * running.
   */
  private static List<Graph> graphs(Step step) {
    List<Graph> graphs = new ArrayList<>();
    graphs.add(new Graph(null, step.order, step.base.plan().scheduling() == Scheduling.LEVEL));
    for (Frame frame : step.frames) {
      if (step.node(frame.owner()).status() == NodeStatus.RUNNING) {
        graphs.add(new Graph(frame, SubGraphs.order(step.graph(frame)), false));
      }
    }
    return graphs;
  }

  /** A graph being scheduled: the top level (frame null) or one frame, ids in level order. */
  private record Graph(Frame frame, List<String> locals, boolean levelGated) {
    String path(String local) {
      return frame == null ? local : frame.path(local);
    }
  }

  private static void stopEverythingNotRunning(Step step, String reason) {
    for (String id : step.allPaths()) {
      NodeState node = step.node(id);
      boolean queuedTask =
          node.status() == NodeStatus.QUEUED && !ControlFlow.isControl(step.planned(id));
      if (node.status() == NodeStatus.PENDING || queuedTask) {
        // A queued task has not started: it never will (SPEC §2.11); a worker that picks it up
        // late is told to drop it, and its outcome is ignored.
        step.put(id, node.skipped(reason, step.now));
        step.emit(RunEventType.NODE_SKIPPED, id, EventData.nodeSkipped(reason));
        if (queuedTask) {
          step.interrupt(id, reason);
        }
      } else if (node.status() == NodeStatus.RETRYING) {
        // Its retry would start new work; its last failure becomes final.
        step.put(id, node.failed(node.failure(), Usage.none(), step.now));
        step.emit(
            RunEventType.NODE_FAILED, id, EventData.nodeFailed(node.attempt(), node.failure(), 0));
      }
    }
  }

  /**
   * Skips pending nodes that can no longer run, in level order so a skip propagates transitively in
   * one pass: a node whose dependencies were all skipped (a condition's branch not taken, SPEC
   * §2.5) under every policy, and under {@code continue_if_possible} a node with a failed
   * dependency or one skipped because of a failure.
   */
  private static void skipBlocked(Step step, Graph graph) {
    for (String local : graph.locals()) {
      String id = graph.path(local);
      if (step.node(id).status() == NodeStatus.PENDING) {
        skipIfBlocked(step, graph, id);
      }
    }
  }

  private static boolean skipIfBlocked(Step step, Graph graph, String id) {
    String reason = blockedBy(step, graph, id);
    if (reason != null) {
      step.put(id, step.node(id).skipped(reason, step.now));
      step.emit(RunEventType.NODE_SKIPPED, id, EventData.nodeSkipped(reason));
    }
    return reason != null;
  }

  private static String blockedBy(Step step, Graph graph, String id) {
    if (graph.frame() == null && Guards.beyondDepth(step, step.planned(id))) {
      step.guardError(Guards.DEPTH_CEILING);
      return Guards.DEPTH_CEILING;
    }
    List<String> dependencies = RecursiveNodes.waitsFor(step, graph.frame(), id);
    if (dependencies.isEmpty()) {
      return null;
    }
    boolean continueIfPossible = step.base.failurePolicy() == FailurePolicy.CONTINUE_IF_POSSIBLE;
    boolean allSkipped = true;
    String firstSkipReason = null;
    for (String dependency : dependencies) {
      NodeState dep = step.node(step.resolve(graph.frame(), dependency));
      if (dep == null) {
        continue; // names no node of the run (rejected by the compiler); does not block
      }
      allSkipped &= dep.status() == NodeStatus.SKIPPED;
      if (firstSkipReason == null && dep.status() == NodeStatus.SKIPPED) {
        firstSkipReason = dep.skipReason();
      }
      if (continueIfPossible && dep.status() == NodeStatus.FAILED) {
        return "dependency '" + dependency + "' failed";
      }
      if (continueIfPossible
          && dep.status() == NodeStatus.SKIPPED
          && !dep.skipReason().startsWith(BRANCH_NOT_TAKEN)) {
        return dep.skipReason();
      }
    }
    return allSkipped ? firstSkipReason : null;
  }

  /**
   * Emits {@code level.completed} for each finished level in order; a level finished without ever
   * being opened (all its nodes skipped) is passed silently. In level scheduling the next level
   * opens once the previous one is complete.
   */
  private static void completeLevels(Step step, boolean halted) {
    while (step.currentLevel < step.levelCount() && allTerminal(step, step.currentLevel)) {
      if (step.currentLevel < step.openedLevels) {
        step.emit(RunEventType.LEVEL_COMPLETED, null, EventData.level(step.currentLevel));
      } else {
        step.openedLevels = step.currentLevel + 1;
      }
      step.currentLevel++;
    }
    boolean levelScheduling = step.base.plan().scheduling() == Scheduling.LEVEL;
    if (levelScheduling && !halted && step.currentLevel < step.levelCount()) {
      openLevelsUpTo(step, step.currentLevel);
    }
  }

  static void openLevelsUpTo(Step step, int level) {
    while (step.openedLevels <= level) {
      int opening = step.openedLevels++;
      step.emit(
          RunEventType.LEVEL_STARTED, null, EventData.levelStarted(opening, step.level(opening)));
    }
  }

  /**
   * Queues ready nodes within {@code max_parallel}; loop, condition and parallel nodes run in the
   * scheduler itself and hold no slot, so their nested nodes can use them.
   */
  private static void queueReadyNodes(Step step) {
    int free = step.base.maxParallel() - slotsHeld(step);
    for (Graph graph : graphs(step)) {
      for (String local : graph.locals()) {
        String id = graph.path(local);
        PlannedNode node = step.planned(id);
        if (step.status != RunStatus.RUNNING) {
          return;
        }
        if (step.node(id).status() != NodeStatus.PENDING
            || !isReady(step, graph, id)
            || skipIfBlocked(step, graph, id)) {
          continue;
        }
        if (ControlFlow.isControl(node)) {
          ControlFlow.start(step, id);
        } else if (free > 0) {
          Failure refused = Guards.admit(step, node);
          if (refused == null) {
            queue(step, id, step.node(id).attempt() + 1); // a retried node continues its count
            free--;
          } else {
            step.put(id, step.node(id).failed(refused, Usage.none(), step.now));
            step.emit(RunEventType.NODE_FAILED, id, EventData.nodeFailed(0, refused, 0));
          }
        }
      }
    }
  }

  private static boolean isReady(Step step, Graph graph, String id) {
    PlannedNode node = step.planned(id);
    if (graph.levelGated() && node.level() != step.currentLevel) {
      return false;
    }
    return RecursiveNodes.waitsFor(step, graph.frame(), id).stream()
            .map(dep -> step.node(step.resolve(graph.frame(), dep)))
            .allMatch(dep -> dep == null || dep.status().isTerminal())
        && ControlFlow.conditionsDecided(step, graph.frame(), graph.locals(), node.id());
  }

  private static int slotsHeld(Step step) {
    return (int)
        step.allPaths().stream()
            .filter(id -> step.node(id).status().holdsSlot())
            .filter(id -> !ControlFlow.isControl(step.planned(id)))
            .count();
  }

  private static boolean allTerminal(Step step, int level) {
    return step.level(level).stream()
        .allMatch(id -> step.node(id).status().isTerminal() || MonitorNodes.isWatching(step, id));
  }

  private static void finishIfDone(Step step) {
    if (!step.order.stream().allMatch(id -> step.node(id).status().isTerminal())) {
      return;
    }
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    List<String> errors = new ArrayList<>();
    for (String id : step.order) {
      NodeState node = step.node(id);
      if (node.status() == NodeStatus.SUCCEEDED) {
        output.set(id, node.output());
      } else if (node.status() == NodeStatus.FAILED) {
        errors.add("Node " + id + " failed: " + node.failure().message());
      }
    }
    errors.addAll(step.guardErrors);
    step.finishedAt = step.now;
    if (errors.isEmpty()) {
      step.status = RunStatus.COMPLETED;
      step.emit(
          RunEventType.WORKFLOW_COMPLETED,
          null,
          EventData.workflowCompleted(output, step.usage, step.toolExecutions));
    } else {
      step.status = RunStatus.FAILED;
      step.emit(
          RunEventType.WORKFLOW_FAILED,
          null,
          EventData.workflowFailed(errors, output, step.usage, step.toolExecutions));
    }
  }
}
