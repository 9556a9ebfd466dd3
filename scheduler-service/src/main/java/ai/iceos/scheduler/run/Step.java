package ai.iceos.scheduler.run;

import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The working copy of one transition: starts from a {@link RunState}, collects changes, events and
 * tasks, and yields the {@link Transition}. Local to one call of {@link RunTransitions}, so its
 * mutability never escapes.
 */
final class Step {
  final RunState base;
  final Instant now;
  final List<String> order;
  private final Map<String, NodeState> nodes;
  private final Map<String, PlannedNode> planned = new HashMap<>();
  private final List<RunEvent> events = new ArrayList<>();
  private final List<NodeTask> tasks = new ArrayList<>();
  RunStatus status;
  int currentLevel;
  int openedLevels;
  long nextSequence;
  Usage usage;
  int toolExecutions;
  Instant finishedAt;

  Step(RunState base, Instant now) {
    this.base = base;
    this.now = now;
    this.order = base.nodeOrder();
    this.nodes = new HashMap<>(base.nodes());
    base.plan().nodes().forEach(n -> planned.put(n.id(), n));
    this.status = base.status();
    this.currentLevel = base.currentLevel();
    this.openedLevels = base.openedLevels();
    this.nextSequence = base.nextSequence();
    this.usage = base.usage();
    this.toolExecutions = base.toolExecutions();
    this.finishedAt = base.finishedAt();
  }

  NodeState node(String id) {
    return nodes.get(id);
  }

  void put(String id, NodeState state) {
    nodes.put(id, state);
  }

  PlannedNode planned(String id) {
    return planned.get(id);
  }

  List<String> level(int index) {
    return base.plan().levels().get(index);
  }

  int levelCount() {
    return base.plan().levels().size();
  }

  JsonNode outputOf(String nodeId) {
    NodeState dep = nodes.get(nodeId);
    return dep == null || dep.status() != NodeStatus.SUCCEEDED ? null : dep.output();
  }

  /** Appends an event with the next sequence number; its message id is derived from it. */
  void emit(RunEventType type, String nodeId, ObjectNode data) {
    long sequence = nextSequence++;
    UUID messageId = derivedId("event:" + base.executionId() + ":" + sequence);
    events.add(new RunEvent(messageId, base.executionId(), sequence, type, nodeId, data, now));
  }

  void send(PlannedNode node, int attempt, JsonNode scope) {
    String taskId = NodeTask.taskIdOf(base.executionId(), node.id(), attempt);
    tasks.add(
        new NodeTask(
            derivedId("task:" + taskId),
            taskId,
            base.executionId(),
            base.orgId(),
            node.id(),
            attempt,
            node.spec(),
            scope,
            node.timeoutMs(),
            now));
  }

  Transition toTransition() {
    RunState next =
        new RunState(
            base.executionId(),
            base.orgId(),
            base.blueprintId(),
            base.versionLock(),
            base.plan(),
            base.inputs(),
            base.maxParallel(),
            base.failurePolicy(),
            status,
            nodes,
            currentLevel,
            openedLevels,
            nextSequence,
            usage,
            toolExecutions,
            base.startedAt(),
            finishedAt);
    return new Transition(next, tasks, events);
  }

  /**
   * Ids of what a transition sends are derived from what they identify, so a recomputed message
   * keeps its id.
   */
  private static UUID derivedId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
