package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.RecursiveNodeSpec;
import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Map<String, Located> located = new HashMap<>();
  private final Map<String, SubGraph> graphs = new HashMap<>();
  private final Map<String, ObjectNode> frameScopes = new HashMap<>();
  final List<Frame> frames;
  final Map<String, JsonNode> loopItems;
  final List<String> guardErrors;
  final Map<String, Integer> executions;
  final Map<String, MonitorState> monitors;
  private final List<RunEvent> events = new ArrayList<>();
  private final List<NodeTask> tasks = new ArrayList<>();
  private final List<CancelTasks> cancellations = new ArrayList<>();
  private final List<RunCommand> commands = new ArrayList<>();
  private final List<NodeOutcome> outcomes = new ArrayList<>();
  private final Set<String> childReports = new HashSet<>();
  RunStatus status;
  int currentLevel;
  int openedLevels;
  long nextSequence;
  Usage usage;
  int toolExecutions;
  Instant finishedAt;
  Instant pausedAt;
  long excludedMs;
  int retries;

  Step(RunState base, Instant now) {
    this.base = base;
    this.now = now;
    this.order = base.nodeOrder();
    this.nodes = new HashMap<>(base.nodes());
    base.plan().nodes().forEach(n -> located.put(n.id(), new Located(n, null)));
    this.frames = new ArrayList<>(base.frames());
    this.loopItems = new HashMap<>(base.loopItems());
    this.guardErrors = new ArrayList<>(base.guardErrors());
    this.executions = new HashMap<>(base.executions());
    this.monitors = new HashMap<>(base.monitors());
    frames.forEach(this::index);
    this.status = base.status();
    this.currentLevel = base.currentLevel();
    this.openedLevels = base.openedLevels();
    this.nextSequence = base.nextSequence();
    this.usage = base.usage();
    this.toolExecutions = base.toolExecutions();
    this.finishedAt = base.finishedAt();
    this.pausedAt = base.pausedAt();
    this.excludedMs = base.excludedMs();
    this.retries = base.retries();
  }

  NodeState node(String id) {
    return nodes.get(id);
  }

  void put(String id, NodeState state) {
    nodes.put(id, state);
  }

  /** The planned node behind a path id (a top-level id or a nested node's path). */
  PlannedNode planned(String id) {
    return located.get(id).node();
  }

  /** The frame a path id belongs to, or null for a top-level node. */
  Frame frameOf(String id) {
    return located.get(id).frame();
  }

  /**
   * The path of the node a nested node names by {@code localId}: a node of its own frame, else of
   * the enclosing frames outwards (a body node may name a node outside the loop), else the
   * top-level id.
   */
  String resolve(Frame frame, String localId) {
    Frame current = frame;
    while (current != null) {
      String path = current.path(localId);
      if (nodes.containsKey(path)) {
        return path;
      }
      current = frameOf(current.owner());
    }
    return localId;
  }

  /** The nested graph {@code name} of the node at {@code ownerPath}. */
  SubGraph graph(String ownerPath, String name) {
    PlannedNode owner = planned(ownerPath);
    String key = owner.id() + "/" + name;
    SubGraph graph = graphs.get(key);
    if (graph == null) {
      graph =
          owner.spec() instanceof RecursiveNodeSpec recursive
              ? RecursiveNodes.graph(this, ownerPath, recursive, name)
              : SubGraphs.of(owner, name);
      graphs.put(key, graph);
    }
    return graph;
  }

  SubGraph graph(Frame frame) {
    return graph(frame.owner(), frame.graph());
  }

  /** Records an execution-wide guard error once. */
  void guardError(String error) {
    if (!guardErrors.contains(error)) {
      guardErrors.add(error);
    }
  }

  /** Opens a frame: its nodes become pending nodes of the run. */
  void open(Frame frame) {
    frames.add(frame);
    index(frame);
    for (String local : SubGraphs.order(graph(frame))) {
      nodes.put(frame.path(local), NodeState.pending());
    }
  }

  /** The frames opened by the node at {@code ownerPath}, in opening order. */
  List<Frame> framesOf(String ownerPath) {
    return frames.stream().filter(f -> f.owner().equals(ownerPath)).toList();
  }

  /** Every node path: top-level nodes in plan order, then each frame's nodes in level order. */
  List<String> allPaths() {
    List<String> paths = new ArrayList<>(order);
    for (Frame frame : frames) {
      SubGraphs.order(graph(frame)).forEach(local -> paths.add(frame.path(local)));
    }
    return paths;
  }

  /**
   * The template scope of the node at {@code path} (SPEC §1.4): a top-level node's as {@link
   * TaskScope} builds it; a nested node's starts from its frame's scope (the owner's scope, the
   * frame's bindings and the outputs of the frame's nodes that succeeded so far).
   */
  ObjectNode scopeOf(String path) {
    Frame frame = frameOf(path);
    NodeSpecScope local = id -> outputOf(resolve(frame, id));
    if (frame == null) {
      return TaskScope.of(
          base.executionId(), base.blueprintId(), base.inputs(), planned(path).spec(), local::of);
    }
    ObjectNode scope = TaskScope.within(frameScope(frame), planned(path).spec(), local::of);
    return RecursiveNodes.withPreviousIteration(this, frame, scope);
  }

  private ObjectNode frameScope(Frame frame) {
    ObjectNode scope = frameScopes.computeIfAbsent(frame.id(), id -> ownerScope(frame)).deepCopy();
    for (String local : SubGraphs.order(graph(frame))) {
      JsonNode output = outputOf(frame.path(local));
      if (output != null) {
        scope.set(local, output);
      }
    }
    return scope;
  }

  private ObjectNode ownerScope(Frame frame) {
    ObjectNode scope = scopeOf(frame.owner());
    frame.bindings().properties().forEach(e -> scope.set(e.getKey(), e.getValue()));
    JsonNode items = loopItems.get(frame.owner());
    if (items != null) {
      scope.set("loop_items", items);
    }
    return scope;
  }

  private void index(Frame frame) {
    for (PlannedNode node : graph(frame).nodes()) {
      located.put(frame.path(node.id()), new Located(node, frame));
    }
  }

  private record Located(PlannedNode node, Frame frame) {}

  @FunctionalInterface
  private interface NodeSpecScope {
    JsonNode of(String localId);
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
    emitAt(now, type, nodeId, data);
  }

  /** Emits an event that happened at {@code at} rather than now (a start reported late). */
  void emitAt(Instant at, RunEventType type, String nodeId, ObjectNode data) {
    long sequence = nextSequence++;
    UUID messageId = derivedId("event:" + base.executionId() + ":" + sequence);
    events.add(new RunEvent(messageId, base.executionId(), sequence, type, nodeId, data, at));
  }

  /**
   * Queues the task of one attempt. It carries the execution's start time so that a busy worker
   * starts the waiting tasks of earlier executions first (issue: priority by start time).
   */
  void send(String path, PlannedNode node, int attempt, JsonNode scope) {
    String taskId = NodeTask.taskIdOf(base.executionId(), path, attempt);
    tasks.add(
        new NodeTask(
            derivedId("task:" + taskId),
            taskId,
            base.executionId(),
            base.orgId(),
            path,
            attempt,
            node.spec(),
            scope,
            node.timeoutMs(),
            now,
            base.startedAt()));
  }

  /**
   * Asks workers to interrupt the running attempt of {@code nodeId}, or every task of the execution
   * when it is null. The message id is derived from the event sequence at that point, so a
   * recomputed transition keeps it.
   */
  void interrupt(String nodeId, String reason) {
    String target = nodeId == null ? "*" : nodeId;
    UUID messageId = derivedId("cancel:" + base.executionId() + ":" + target + ":" + nextSequence);
    cancellations.add(new CancelTasks(messageId, base.executionId(), nodeId, reason, now));
  }

  /** Sends a run command to another execution (a child's start or cancel). */
  void command(RunCommand command) {
    commands.add(command);
  }

  /** Whether this step already sends a command to execution {@code executionId}. */
  boolean sendsCommandTo(String executionId) {
    return commands.stream().anyMatch(c -> c.executionId().equals(executionId));
  }

  /** Marks that this step applies the report of the child of the workflow node at {@code path}. */
  void childReported(String path) {
    childReports.add(path);
  }

  /** Whether this step applies the report of the child of the workflow node at {@code path}. */
  boolean isChildReported(String path) {
    return childReports.contains(path);
  }

  /** Reports to the parent execution how its {@code workflow} node's child ended. */
  void report(NodeOutcome outcome) {
    outcomes.add(outcome);
  }

  /** The events this step emitted so far, in order. */
  List<RunEvent> events() {
    return List.copyOf(events);
  }

  Transition toTransition() {
    WorkflowNodes.cancelAbandonedChildren(this);
    WorkflowNodes.reportToParent(this);
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
            finishedAt,
            frames,
            loopItems,
            guardErrors,
            executions,
            pausedAt,
            excludedMs,
            retries,
            monitors,
            base.lineage());
    return new Transition(next, tasks, events, cancellations, commands, outcomes);
  }

  /**
   * Ids of what a transition sends are derived from what they identify, so a recomputed message
   * keeps its id.
   */
  private static UUID derivedId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
