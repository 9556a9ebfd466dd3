package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.ConditionNodeSpec;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.ParallelNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested graphs of a loop, condition or parallel node. The compiler puts them in {@link
 * PlannedNode#subGraphs()}; for a plan without them (compiled before nested graphs existed) they
 * are built here from the node's own spec with the compiler's defaults (30 s per attempt, {@code
 * retry_policy} or legacy {@code retries}, levels from the dependencies), so the scheduler never
 * depends on the compiler having done it.
 */
final class SubGraphs {
  static final String BODY = "body";
  static final String TRUE_PATH = "true_path";
  static final String FALSE_PATH = "false_path";
  static final String BRANCHES = "branches/";
  private static final long DEFAULT_TIMEOUT_MS = 30_000;

  private SubGraphs() {}

  /** The nested graph {@code name} of {@code owner}; an unknown name gives an empty graph. */
  static SubGraph of(PlannedNode owner, String name) {
    return owner.subGraph(name).orElseGet(() -> build(name, specs(owner.spec(), name)));
  }

  /** The graph's node ids, level by level. */
  static List<String> order(SubGraph graph) {
    return graph.levels().stream().flatMap(List::stream).toList();
  }

  /** The node of the graph that was listed last: its output is the graph's result. */
  static String last(SubGraph graph) {
    return graph.nodes().isEmpty() ? null : graph.nodes().getLast().id();
  }

  private static List<NodeSpec> specs(NodeSpec owner, String name) {
    return switch (owner) {
      case LoopNodeSpec loop when name.equals(BODY) -> loop.body();
      case ConditionNodeSpec condition when name.equals(TRUE_PATH) -> condition.truePath();
      case ConditionNodeSpec condition when name.equals(FALSE_PATH) -> condition.falsePath();
      case ParallelNodeSpec parallel when name.startsWith(BRANCHES) -> {
        int index = Integer.parseInt(name.substring(BRANCHES.length()));
        yield index < parallel.branches().size() ? parallel.branches().get(index) : List.of();
      }
      default -> List.of();
    };
  }

  private static SubGraph build(String name, List<NodeSpec> specs) {
    Map<String, NodeSpec> byId = new HashMap<>();
    specs.forEach(s -> byId.put(s.id(), s));
    Map<String, Integer> levels = new HashMap<>();
    specs.forEach(s -> levelOf(s.id(), byId, levels));
    int depth = levels.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<List<String>> byLevel = new ArrayList<>();
    for (int level = 0; level < depth; level++) {
      int wanted = level;
      byLevel.add(specs.stream().map(NodeSpec::id).filter(id -> levels.get(id) == wanted).toList());
    }
    List<PlannedNode> nodes =
        specs.stream()
            .map(s -> new PlannedNode(s, levels.get(s.id()), timeoutMs(s), retry(s), useCache(s)))
            .toList();
    return new SubGraph(name, nodes, byLevel);
  }

  /** The level of {@code id} among {@code byId}: 0, or 1 + its highest dependency in there. */
  static int levelOf(String id, Map<String, NodeSpec> byId, Map<String, Integer> levels) {
    Integer known = levels.get(id);
    if (known != null) {
      return known;
    }
    levels.put(id, 0); // a cycle (rejected by the compiler) cannot recurse forever
    int level =
        byId.get(id).dependencies().stream()
            .filter(byId::containsKey)
            .mapToInt(d -> levelOf(d, byId, levels) + 1)
            .max()
            .orElse(0);
    levels.put(id, level);
    return level;
  }

  private static long timeoutMs(NodeSpec spec) {
    return spec.timeoutSeconds() == null ? DEFAULT_TIMEOUT_MS : spec.timeoutSeconds() * 1000L;
  }

  private static RetryPolicy retry(NodeSpec spec) {
    if (spec.retryPolicy() != null) {
      return spec.retryPolicy();
    }
    int retries = spec.retries() == null ? 0 : spec.retries();
    double backoff = spec.backoffSeconds() == null ? 0 : spec.backoffSeconds();
    return new RetryPolicy(retries + 1, BackoffStrategy.FIXED, backoff);
  }

  private static boolean useCache(NodeSpec spec) {
    return spec.useCache() == null || spec.useCache();
  }
}
