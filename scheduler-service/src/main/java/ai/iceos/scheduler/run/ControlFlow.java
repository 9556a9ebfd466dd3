package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.ConditionNodeSpec;
import ai.iceos.contracts.blueprint.HumanNodeSpec;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.MonitorNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.ParallelNodeSpec;
import ai.iceos.contracts.blueprint.RecursiveNodeSpec;
import ai.iceos.contracts.blueprint.WaitStrategy;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The nodes the scheduler runs itself (SPEC §2.5, §2.6): {@code loop}, {@code condition} and {@code
 * parallel}, plus {@code human} ({@link HumanNodes}), {@code monitor} ({@link MonitorNodes}) and
 * {@code recursive} ({@link RecursiveNodes}). Such a node never goes to a worker: when it is ready
 * it is marked queued and started ({@code worker_id: "scheduler"}), evaluates its expression, opens
 * {@link Frame}s for its nested graphs, and completes or fails once they are done.
 */
final class ControlFlow {
  static final String WORKER_ID = "scheduler";
  private static final String FAILURE_TYPE = "template-error";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ControlFlow() {}

  static boolean isControl(PlannedNode node) {
    NodeType kind = node.spec().kind();
    return kind == NodeType.LOOP
        || kind == NodeType.CONDITION
        || kind == NodeType.PARALLEL
        || kind == NodeType.HUMAN
        || kind == NodeType.MONITOR
        || kind == NodeType.RECURSIVE;
  }

  /**
   * Era-1 conditions gate their branches: a node named in a {@code true_branch} or {@code
   * false_branch} of a condition of the same graph waits until that condition has decided.
   */
  static boolean conditionsDecided(Step step, Frame frame, List<String> locals, String localId) {
    for (String local : locals) {
      if (step.planned(pathIn(frame, local)).spec() instanceof ConditionNodeSpec condition
          && (condition.trueBranch().contains(localId) || condition.falseBranch().contains(localId))
          && !step.node(pathIn(frame, local)).status().isTerminal()) {
        return false;
      }
    }
    return true;
  }

  /** Starts a ready loop, condition or parallel node. */
  static void start(Step step, String path) {
    RunProgress.emitQueued(step, path, 1);
    if (step.planned(path).spec() instanceof HumanNodeSpec human) {
      HumanNodes.await(step, path, human);
      return;
    }
    step.put(path, step.node(path).running(step.now, null));
    step.emit(RunEventType.NODE_STARTED, path, EventData.nodeStarted(1, WORKER_ID));
    try {
      switch (step.planned(path).spec()) {
        case LoopNodeSpec loop -> startLoop(step, path, loop);
        case ConditionNodeSpec condition -> startCondition(step, path, condition);
        case ParallelNodeSpec parallel -> openBranches(step, path, parallel);
        case MonitorNodeSpec monitor -> MonitorNodes.start(step, path, monitor);
        case RecursiveNodeSpec recursive -> RecursiveNodes.start(step, path, recursive);
        default -> throw new IllegalStateException("not a control-flow node: " + path);
      }
    } catch (Expressions.ExpressionException e) {
      fail(step, path, Failure.permanent(FAILURE_TYPE, e.getMessage()));
    }
  }

  /**
   * Completes or fails every running control-flow node whose frames are all done, and opens the
   * next frames of sequential loops and concurrency-bounded parallel nodes.
   */
  static void finishOwners(Step step, String haltReason) {
    boolean halted = haltReason != null;
    for (String path : step.allPaths()) {
      if (step.node(path).status() != NodeStatus.RUNNING || !isControl(step.planned(path))) {
        continue;
      }
      NodeSpec spec = step.planned(path).spec();
      if (spec instanceof MonitorNodeSpec monitor) {
        MonitorNodes.finishIfAlone(step, path, monitor);
        continue;
      }
      if (spec instanceof RecursiveNodeSpec recursive) {
        RecursiveNodes.advance(step, path, recursive, haltReason);
        continue;
      }
      if (spec instanceof ParallelNodeSpec parallel && !halted) {
        openBranches(step, path, parallel);
        if (finishedEarly(step, path, parallel)) {
          continue;
        }
      }
      List<Frame> frames = step.framesOf(path);
      if (!frames.stream().allMatch(f -> settled(step, f))) {
        continue;
      }
      Failure failure = failureOf(step, spec, frames);
      int total = frameCount(step, path, spec);
      if (failure != null) {
        fail(step, path, failure);
      } else if (halted && (frames.size() < total || anyHalted(step, frames))) {
        step.put(path, step.node(path).skipped(haltReason, step.now));
        step.emit(RunEventType.NODE_SKIPPED, path, EventData.nodeSkipped(haltReason));
      } else if (frames.size() < total) {
        openLoopFrame(step, path, (LoopNodeSpec) spec, frames.size());
      } else {
        complete(step, path, output(step, path, spec, frames));
      }
    }
  }

  private static void startLoop(Step step, String path, LoopNodeSpec loop) {
    JsonNode items = Expressions.items(loop.itemsSource(), step.scopeOf(path));
    if (loop.maxIterations() != null && items.size() > loop.maxIterations()) {
      ArrayNode capped = JSON.arrayNode();
      for (int i = 0; i < loop.maxIterations(); i++) {
        capped.add(items.get(i));
      }
      items = capped;
    }
    step.loopItems.put(path, items);
    int open = Boolean.TRUE.equals(loop.parallel()) ? items.size() : Math.min(1, items.size());
    for (int i = 0; i < open; i++) {
      openLoopFrame(step, path, loop, i);
    }
  }

  private static void openLoopFrame(Step step, String path, LoopNodeSpec loop, int index) {
    String itemVar = loop.itemVar() == null || loop.itemVar().isBlank() ? "item" : loop.itemVar();
    ObjectNode bindings = JSON.objectNode();
    bindings.set(itemVar, step.loopItems.get(path).get(index));
    bindings.put("loop_index", index);
    String id = path + "[" + index + "]";
    step.open(new Frame(id, path, SubGraphs.BODY, index, id + ".", bindings));
  }

  private static void startCondition(Step step, String path, ConditionNodeSpec condition) {
    boolean result = Expressions.condition(condition.expression(), step.scopeOf(path));
    Frame own = step.frameOf(path);
    if (!condition.truePath().isEmpty() || !condition.falsePath().isEmpty()) {
      String chosen = result ? SubGraphs.TRUE_PATH : SubGraphs.FALSE_PATH;
      ObjectNode bindings = JSON.objectNode().put("condition_result", result);
      if (step.graph(path, chosen).nodes().isEmpty()) {
        complete(step, path, conditionOutput(condition, result, JSON.objectNode()));
      } else {
        // completes in finishOwners, once the chosen path is done
        step.open(new Frame(path + "/" + chosen, path, chosen, 0, prefixOf(own), bindings));
      }
      return;
    }
    String reason =
        RunProgress.BRANCH_NOT_TAKEN + ": condition '" + condition.id() + "' was " + result;
    for (String local : result ? condition.falseBranch() : condition.trueBranch()) {
      String id = pathIn(own, local);
      NodeState node = step.node(id);
      if (node != null && node.status() == NodeStatus.PENDING) {
        step.put(id, node.skipped(reason, step.now));
        step.emit(RunEventType.NODE_SKIPPED, id, EventData.nodeSkipped(reason));
      }
    }
    complete(step, path, conditionOutput(condition, result, JSON.objectNode()));
  }

  /** Opens the next branches of a parallel node while fewer than {@code max_concurrency} run. */
  private static void openBranches(Step step, String path, ParallelNodeSpec parallel) {
    List<Frame> frames = step.framesOf(path);
    int limit =
        parallel.maxConcurrency() == null || parallel.maxConcurrency() < 1
            ? Integer.MAX_VALUE
            : parallel.maxConcurrency();
    long running = frames.stream().filter(f -> !settled(step, f)).count();
    Frame own = step.frameOf(path);
    for (int i = frames.size(); i < parallel.branches().size() && running < limit; i++) {
      String graph = SubGraphs.BRANCHES + i;
      ObjectNode bindings = JSON.objectNode().put("branch_index", i);
      step.open(new Frame(path + "/" + graph, path, graph, i, prefixOf(own), bindings));
      running++;
    }
  }

  /**
   * {@code race}: the first branch to finish decides, successful or not; the other branches'
   * unfinished nodes are skipped (a running one's late outcome is then ignored).
   */
  private static boolean finishedEarly(Step step, String path, ParallelNodeSpec parallel) {
    if (parallel.waitStrategy() != WaitStrategy.RACE) {
      return false;
    }
    for (Frame frame : step.framesOf(path)) {
      if (settled(step, frame)) {
        stopOthers(step, path, frame);
        Failure failure = firstFailure(step, List.of(frame), false);
        if (failure != null) {
          fail(step, path, failure);
        } else {
          complete(step, path, output(step, path, parallel, List.of(frame)));
        }
        return true;
      }
    }
    return false;
  }

  /**
   * A failed nested node fails a loop, a condition and a parallel node waiting for {@code all};
   * under {@code any} the parallel node fails only when no branch succeeded.
   */
  private static Failure failureOf(Step step, NodeSpec spec, List<Frame> frames) {
    if (spec instanceof ParallelNodeSpec parallel && parallel.waitStrategy() == WaitStrategy.ANY) {
      boolean anySucceeded =
          frames.stream().anyMatch(f -> firstFailure(step, List.of(f), false) == null);
      return anySucceeded ? null : firstFailure(step, frames, false);
    }
    return firstFailure(step, frames, spec instanceof LoopNodeSpec);
  }

  private static void stopOthers(Step step, String path, Frame winner) {
    String reason = "parallel '" + path + "' finished with branch " + winner.index();
    for (Frame frame : step.framesOf(path)) {
      for (String local : SubGraphs.order(step.graph(frame))) {
        String id = frame.path(local);
        NodeState node = step.node(id);
        if (!node.status().isTerminal()) {
          if (node.status().awaitsOutcome()) {
            step.interrupt(id, reason);
          }
          step.put(id, node.skipped(reason, step.now));
          step.emit(RunEventType.NODE_SKIPPED, id, EventData.nodeSkipped(reason));
        }
      }
    }
  }

  private static int frameCount(Step step, String path, NodeSpec spec) {
    return switch (spec) {
      case LoopNodeSpec loop -> step.loopItems.get(path).size();
      case ParallelNodeSpec parallel -> parallel.branches().size();
      default -> step.framesOf(path).size();
    };
  }

  private static JsonNode output(Step step, String path, NodeSpec spec, List<Frame> frames) {
    return switch (spec) {
      case LoopNodeSpec loop -> {
        ArrayNode results = JSON.arrayNode();
        for (Frame frame : frames) {
          results.add(orNull(step.outputOf(frame.path(SubGraphs.last(step.graph(frame))))));
        }
        yield results;
      }
      case ConditionNodeSpec condition ->
          conditionOutput(
              condition,
              frames.getFirst().graph().equals(SubGraphs.TRUE_PATH),
              outputs(step, frames.getFirst()));
      case ParallelNodeSpec parallel ->
          parallelOutput(
              step,
              parallel,
              frames.stream().filter(f -> firstFailure(step, List.of(f), false) == null).toList());
      default -> JSON.nullNode();
    };
  }

  private static ObjectNode conditionOutput(
      ConditionNodeSpec condition, boolean result, ObjectNode branchOutputs) {
    ObjectNode output = JSON.objectNode();
    output.put("result", result);
    output.put("branch", String.valueOf(result));
    output.put("expression", condition.expression());
    output.set("branch_outputs", branchOutputs);
    return output;
  }

  private static ObjectNode parallelOutput(
      Step step, ParallelNodeSpec parallel, List<Frame> frames) {
    ObjectNode output = JSON.objectNode();
    ArrayNode results = output.putArray("branch_results");
    ObjectNode merged = JSON.objectNode();
    for (Frame frame : frames) {
      ObjectNode branch = outputs(step, frame);
      results.add(branch);
      branch.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
    }
    ArrayNode completed = output.putArray("completed_branches");
    frames.forEach(f -> completed.add(f.index()));
    WaitStrategy strategy =
        parallel.waitStrategy() == null ? WaitStrategy.ALL : parallel.waitStrategy();
    output.put("strategy", strategy.name().toLowerCase());
    if (parallel.mergeOutputs() == null || parallel.mergeOutputs()) {
      output.set("merged", merged);
    } else {
      output.putNull("merged");
    }
    return output;
  }

  /** The outputs of a frame's nodes that succeeded, by their nested id. */
  private static ObjectNode outputs(Step step, Frame frame) {
    ObjectNode outputs = JSON.objectNode();
    for (String local : SubGraphs.order(step.graph(frame))) {
      JsonNode output = step.outputOf(frame.path(local));
      if (output != null) {
        outputs.set(local, output);
      }
    }
    return outputs;
  }

  static boolean settled(Step step, Frame frame) {
    return SubGraphs.order(step.graph(frame)).stream()
        .allMatch(local -> step.node(frame.path(local)).status().isTerminal());
  }

  private static boolean anyHalted(Step step, List<Frame> frames) {
    return frames.stream()
        .flatMap(f -> SubGraphs.order(step.graph(f)).stream().map(f::path))
        .map(step::node)
        .anyMatch(n -> n.status() == NodeStatus.SKIPPED);
  }

  static Failure firstFailure(Step step, List<Frame> frames, boolean perIteration) {
    for (Frame frame : frames) {
      SubGraph graph = step.graph(frame);
      for (String local : SubGraphs.order(graph)) {
        NodeState node = step.node(frame.path(local));
        if (node.status() == NodeStatus.FAILED) {
          String where = perIteration ? " in iteration " + frame.index() : "";
          return Failure.permanent(
              node.failure().type(),
              "Node '" + local + "' failed" + where + ": " + node.failure().message());
        }
      }
    }
    return null;
  }

  static void complete(Step step, String path, JsonNode output) {
    JsonNode mapped = withOutputMappings(step.planned(path).spec().outputMappings(), output);
    NodeState node = step.node(path);
    step.put(path, node.succeeded(mapped, Usage.none(), step.now));
    step.emit(
        RunEventType.NODE_COMPLETED,
        path,
        EventData.nodeCompleted(1, mapped, durationMs(step, node), false, null));
  }

  static void fail(Step step, String path, Failure failure) {
    NodeState node = step.node(path);
    step.put(path, node.failed(failure, Usage.none(), step.now));
    step.emit(
        RunEventType.NODE_FAILED, path, EventData.nodeFailed(1, failure, durationMs(step, node)));
  }

  private static JsonNode withOutputMappings(Map<String, String> mappings, JsonNode output) {
    if (mappings.isEmpty() || !output.isObject()) {
      return output;
    }
    ObjectNode mapped = output.deepCopy();
    mappings.forEach((alias, dotted) -> mapped.set(alias, TaskScope.resolve(output, dotted)));
    return mapped;
  }

  private static long durationMs(Step step, NodeState node) {
    return node.startedAt() == null ? 0 : Duration.between(node.startedAt(), step.now).toMillis();
  }

  private static String prefixOf(Frame frame) {
    return frame == null ? "" : frame.prefix();
  }

  private static String pathIn(Frame frame, String local) {
    return prefixOf(frame) + local;
  }

  private static JsonNode orNull(JsonNode value) {
    return value == null ? JSON.nullNode() : value;
  }
}
