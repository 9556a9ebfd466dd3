package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.AgentNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.RecursiveNodeSpec;
import ai.iceos.contracts.blueprint.WorkflowNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code recursive} nodes (SPEC §2.6, §2.11, decision 0113), run by the scheduler as frames like a
 * sequential loop. Iteration i (0-based) is the frame {@code <path>[i]}: its last node, under the
 * recursive node's own id ({@code negotiate[2].negotiate}), runs the node's {@code agent_package}
 * (an agent task) or {@code workflow_ref} (a workflow node); from the second iteration on the frame
 * first re-runs the {@code recursive_sources} ({@code negotiate[2].seed}). After each iteration
 * {@code convergence_condition} is checked; the node completes {@code {converged, reason,
 * iterations, output, history}}.
 *
 * <p>Every node of an iteration sees the previous iteration's output under the recursive node's id
 * ({@code null} in the first), and {@code <context_key>} (default {@code recursive_context}):
 * {@code {iteration, max_iterations}}, plus {@code previous} and {@code history} (every earlier
 * iteration's output) with {@code preserve_context} (the default).
 */
final class RecursiveNodes {
  static final String FIRST_ITERATION = "first_iteration";
  static final String ITERATION = "iteration";
  private static final int DEFAULT_MAX_ITERATIONS = 50;
  private static final String FAILURE_TYPE = "template-error";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RecursiveNodes() {}

  static void start(Step step, String path, RecursiveNodeSpec recursive) {
    open(step, path, 0);
  }

  /** After an iteration: completes, fails, or opens the next iteration. */
  static void advance(Step step, String path, RecursiveNodeSpec recursive, String haltReason) {
    List<Frame> frames = step.framesOf(path);
    if (frames.isEmpty() || !ControlFlow.settled(step, frames.getLast())) {
      return;
    }
    Frame last = frames.getLast();
    Failure failure = ControlFlow.firstFailure(step, List.of(last), true);
    if (failure != null) {
      ControlFlow.fail(step, path, failure);
      return;
    }
    JsonNode output = step.outputOf(last.path(recursive.id()));
    if (output == null) {
      String reason =
          haltReason != null ? haltReason : step.node(last.path(recursive.id())).skipReason();
      skip(step, path, reason);
      return;
    }
    int iterations = frames.size();
    try {
      if (converged(step, path, recursive, output, iterations)) {
        ControlFlow.complete(step, path, result(step, path, recursive, true, iterations));
      } else if (iterations >= maxIterations(recursive)) {
        ControlFlow.complete(step, path, result(step, path, recursive, false, iterations));
      } else if (haltReason != null) {
        skip(step, path, haltReason);
      } else {
        open(step, path, iterations);
      }
    } catch (Expressions.ExpressionException e) {
      ControlFlow.fail(step, path, Failure.permanent(FAILURE_TYPE, e.getMessage()));
    }
  }

  /**
   * The dependencies a node waits for: its own, without a loop-back to a recursive node that lists
   * it in {@code recursive_sources} (that edge is the recursion, SPEC §2.6), and for a recursive
   * node also its sources.
   */
  static List<String> waitsFor(Step step, Frame frame, String path) {
    NodeSpec spec = step.planned(path).spec();
    Set<String> ids = new LinkedHashSet<>();
    for (String dependency : spec.dependencies()) {
      if (!isLoopBack(step, frame, spec.id(), dependency)) {
        ids.add(dependency);
      }
    }
    if (spec instanceof RecursiveNodeSpec recursive) {
      ids.addAll(recursive.recursiveSources());
    }
    return List.copyOf(ids);
  }

  /** Adds the previous iteration and the context to the scope of a node of an iteration. */
  static ObjectNode withPreviousIteration(Step step, Frame frame, ObjectNode scope) {
    if (frame != null && step.planned(frame.owner()).spec() instanceof RecursiveNodeSpec r) {
      List<JsonNode> earlier = outputs(step, frame.owner(), frame.index());
      scope.set(r.id(), earlier.isEmpty() ? JSON.nullNode() : earlier.getLast());
      ObjectNode context = JSON.objectNode();
      context.put("iteration", frame.index() + 1);
      context.put("max_iterations", maxIterations(r));
      if (r.preserveContext() == null || r.preserveContext()) {
        context.set("previous", earlier.isEmpty() ? JSON.nullNode() : earlier.getLast());
        context.set("history", JSON.arrayNode().addAll(earlier));
      }
      scope.set(contextKey(r), context);
    }
    return scope;
  }

  /** The graph of an iteration: the first runs the node alone, later ones its sources first. */
  static SubGraph graph(Step step, String ownerPath, RecursiveNodeSpec recursive, String name) {
    PlannedNode owner = step.planned(ownerPath);
    if (name.equals(FIRST_ITERATION)) {
      return new SubGraph(
          name, List.of(body(owner, recursive, 0)), List.of(List.of(recursive.id())));
    }
    Frame ownerFrame = step.frameOf(ownerPath);
    List<PlannedNode> siblings =
        ownerFrame == null ? step.base.plan().nodes() : step.graph(ownerFrame).nodes();
    Map<String, NodeSpec> sources = new HashMap<>();
    siblings.stream()
        .filter(n -> recursive.recursiveSources().contains(n.id()))
        .forEach(n -> sources.put(n.id(), n.spec()));
    Map<String, Integer> levels = new HashMap<>();
    sources.keySet().forEach(id -> SubGraphs.levelOf(id, sources, levels));
    int bodyLevel = levels.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<PlannedNode> nodes = new ArrayList<>();
    List<List<String>> byLevel = new ArrayList<>();
    for (int level = 0; level <= bodyLevel; level++) {
      byLevel.add(new ArrayList<>());
    }
    for (PlannedNode source : siblings) {
      Integer level = levels.get(source.id());
      if (level != null) {
        nodes.add(atLevel(source, level));
        byLevel.get(level).add(source.id());
      }
    }
    nodes.add(body(owner, recursive, bodyLevel));
    byLevel.get(bodyLevel).add(recursive.id());
    return new SubGraph(name, nodes, byLevel);
  }

  private static void open(Step step, String path, int index) {
    String id = path + "[" + index + "]";
    String graph = index == 0 ? FIRST_ITERATION : ITERATION;
    step.open(new Frame(id, path, graph, index, id + ".", JSON.objectNode()));
  }

  private static boolean converged(
      Step step, String path, RecursiveNodeSpec recursive, JsonNode output, int iterations) {
    if (recursive.convergenceCondition() == null || recursive.convergenceCondition().isBlank()) {
      return false;
    }
    ObjectNode scope = step.scopeOf(path);
    if (output.isObject()) {
      scope.setAll((ObjectNode) output);
    }
    scope.set("output", output);
    scope.put("iteration", iterations);
    return Expressions.test(
        recursive.convergenceCondition(), scope, "convergence_condition", "Convergence condition");
  }

  private static ObjectNode result(
      Step step, String path, RecursiveNodeSpec recursive, boolean converged, int iterations) {
    List<JsonNode> outputs = outputs(step, path, iterations);
    ObjectNode result = JSON.objectNode();
    result.put("converged", converged);
    result.put("reason", converged ? "condition_met" : "max_iterations_reached");
    result.put("iterations", iterations);
    result.set("output", outputs.getLast());
    if (recursive.preserveContext() == null || recursive.preserveContext()) {
      result.set("history", JSON.arrayNode().addAll(outputs));
    }
    return result;
  }

  /** The outputs of the node in iterations 0 … count-1 ({@code null} where it has none). */
  private static List<JsonNode> outputs(Step step, String path, int count) {
    RecursiveNodeSpec recursive = (RecursiveNodeSpec) step.planned(path).spec();
    List<JsonNode> outputs = new ArrayList<>();
    List<Frame> frames = step.framesOf(path);
    for (int i = 0; i < count && i < frames.size(); i++) {
      JsonNode output = step.outputOf(frames.get(i).path(recursive.id()));
      outputs.add(output == null ? JSON.nullNode() : output);
    }
    return outputs;
  }

  private static void skip(Step step, String path, String reason) {
    step.put(path, step.node(path).skipped(reason, step.now));
    step.emit(RunEventType.NODE_SKIPPED, path, EventData.nodeSkipped(reason));
  }

  private static boolean isLoopBack(Step step, Frame frame, String localId, String dependency) {
    if (frame != null
        && step.planned(frame.owner()).spec() instanceof RecursiveNodeSpec owner
        && owner.id().equals(dependency)) {
      return owner.recursiveSources().contains(localId);
    }
    String resolved = step.resolve(frame, dependency);
    return step.node(resolved) != null
        && step.planned(resolved).spec() instanceof RecursiveNodeSpec recursive
        && recursive.recursiveSources().contains(localId);
  }

  /** The node's agent or workflow, run once per iteration after the iteration's sources. */
  private static PlannedNode body(PlannedNode owner, RecursiveNodeSpec r, int level) {
    Set<String> dependencies = new LinkedHashSet<>(r.dependencies());
    dependencies.addAll(r.recursiveSources());
    List<String> deps = List.copyOf(dependencies);
    NodeSpec spec =
        r.agentPackage() != null
            ? new AgentNodeSpec(
                r.id(),
                r.name(),
                deps,
                r.timeoutSeconds(),
                r.retries(),
                r.backoffSeconds(),
                r.retryPolicy(),
                r.inputSchema(),
                null,
                r.inputMappings(),
                Map.of(),
                r.useCache(),
                r.metadata(),
                r.provider(),
                r.agentPackage(),
                null,
                List.of(),
                null,
                null,
                null)
            : new WorkflowNodeSpec(
                r.id(),
                r.name(),
                deps,
                r.timeoutSeconds(),
                r.retries(),
                r.backoffSeconds(),
                r.retryPolicy(),
                r.inputSchema(),
                null,
                r.inputMappings(),
                Map.of(),
                r.useCache(),
                r.metadata(),
                r.provider(),
                r.workflowRef(),
                Map.of(),
                null);
    return new PlannedNode(spec, level, owner.timeoutMs(), owner.retry(), owner.useCache());
  }

  private static PlannedNode atLevel(PlannedNode node, int level) {
    return new PlannedNode(
        node.spec(),
        level,
        node.timeoutMs(),
        node.retry(),
        node.useCache(),
        node.subGraphs(),
        node.estimatedCost());
  }

  private static int maxIterations(RecursiveNodeSpec recursive) {
    return recursive.maxIterations() == null
        ? DEFAULT_MAX_ITERATIONS
        : Math.max(1, recursive.maxIterations());
  }

  private static String contextKey(RecursiveNodeSpec recursive) {
    return recursive.contextKey() == null || recursive.contextKey().isBlank()
        ? "recursive_context"
        : recursive.contextKey();
  }
}
