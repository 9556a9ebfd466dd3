package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.Scheduling;
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

  private RunProgress() {}

  static void settle(Step step) {
    if (step.status != RunStatus.RUNNING) {
      return;
    }
    boolean halted = isHalted(step);
    if (halted) {
      stopEverythingNotRunning(step);
    } else if (step.base.failurePolicy() == FailurePolicy.CONTINUE_IF_POSSIBLE) {
      skipDependentsOfFailures(step);
    }
    completeLevels(step, halted);
    if (!halted) {
      queueReadyNodes(step);
    }
    finishIfDone(step);
  }

  /** Under halt_on_first_error, a node that failed for good stops all new work. */
  static boolean isHalted(Step step) {
    return step.base.failurePolicy() == FailurePolicy.HALT_ON_FIRST_ERROR
        && step.order.stream().anyMatch(id -> step.node(id).status() == NodeStatus.FAILED);
  }

  /** Queues attempt {@code attempt} of a node: {@code node.queued} and a task. */
  static void queue(Step step, PlannedNode node, int attempt) {
    openLevelsUpTo(step, node.level());
    step.put(node.id(), step.node(node.id()).queued(attempt));
    step.emit(RunEventType.NODE_QUEUED, node.id(), EventData.nodeQueued(attempt, node.level()));
    step.send(
        node,
        attempt,
        TaskScope.of(
            step.base.executionId(),
            step.base.blueprintId(),
            step.base.inputs(),
            node.spec(),
            step::outputOf));
  }

  private static void stopEverythingNotRunning(Step step) {
    for (String id : step.order) {
      NodeState node = step.node(id);
      if (node.status() == NodeStatus.PENDING) {
        step.put(id, node.skipped(HALTED, step.now));
        step.emit(RunEventType.NODE_SKIPPED, id, EventData.nodeSkipped(HALTED));
      } else if (node.status() == NodeStatus.RETRYING) {
        // Its retry would start new work; its last failure becomes final.
        step.put(id, node.failed(node.failure(), Usage.none(), step.now));
        step.emit(
            RunEventType.NODE_FAILED, id, EventData.nodeFailed(node.attempt(), node.failure(), 0));
      }
    }
  }

  /** Plan order visits dependencies first, so a skip propagates transitively in one pass. */
  private static void skipDependentsOfFailures(Step step) {
    for (String id : step.order) {
      NodeState node = step.node(id);
      if (node.status() != NodeStatus.PENDING) {
        continue;
      }
      for (String dependency : step.planned(id).spec().dependencies()) {
        NodeState dep = step.node(dependency);
        String reason =
            switch (dep.status()) {
              case FAILED -> "dependency '" + dependency + "' failed";
              case SKIPPED -> dep.skipReason();
              case PENDING, QUEUED, RUNNING, RETRYING, SUCCEEDED, CANCELLED -> null;
            };
        if (reason != null) {
          step.put(id, node.skipped(reason, step.now));
          step.emit(RunEventType.NODE_SKIPPED, id, EventData.nodeSkipped(reason));
          break;
        }
      }
    }
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

  private static void openLevelsUpTo(Step step, int level) {
    while (step.openedLevels <= level) {
      int opening = step.openedLevels++;
      step.emit(
          RunEventType.LEVEL_STARTED, null, EventData.levelStarted(opening, step.level(opening)));
    }
  }

  private static void queueReadyNodes(Step step) {
    int free = step.base.maxParallel() - slotsHeld(step);
    for (String id : step.order) {
      if (free <= 0) {
        return;
      }
      PlannedNode node = step.planned(id);
      if (step.node(id).status() == NodeStatus.PENDING && isReady(step, node)) {
        queue(step, node, 1);
        free--;
      }
    }
  }

  private static boolean isReady(Step step, PlannedNode node) {
    if (step.base.plan().scheduling() == Scheduling.LEVEL && node.level() != step.currentLevel) {
      return false;
    }
    return node.spec().dependencies().stream()
        .allMatch(dep -> step.node(dep).status().isTerminal());
  }

  private static int slotsHeld(Step step) {
    return (int) step.order.stream().filter(id -> step.node(id).status().holdsSlot()).count();
  }

  private static boolean allTerminal(Step step, int level) {
    return step.level(level).stream().allMatch(id -> step.node(id).status().isTerminal());
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
