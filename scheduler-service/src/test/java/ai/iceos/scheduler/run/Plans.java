package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.ConditionNodeSpec;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.HumanNodeSpec;
import ai.iceos.contracts.blueprint.InputMapping;
import ai.iceos.contracts.blueprint.Limits;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.MonitorAction;
import ai.iceos.contracts.blueprint.MonitorNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.ParallelNodeSpec;
import ai.iceos.contracts.blueprint.RecursiveNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.blueprint.WaitStrategy;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small execution plans for tests; levels are computed from the dependencies. */
final class Plans {
  private final Map<String, NodeSpec> specs = new LinkedHashMap<>();
  private final Map<String, RetryPolicy> retries = new HashMap<>();
  private FailurePolicy failurePolicy = FailurePolicy.CONTINUE_IF_POSSIBLE;
  private Scheduling scheduling = Scheduling.LEVEL;
  private int maxParallel = 5;
  private Limits limits;

  static Plans plan() {
    return new Plans();
  }

  Plans tool(String id, String... deps) {
    specs.put(id, ToolNodeSpec.of(id, "echo", JsonNodeFactory.instance.objectNode(), deps));
    return this;
  }

  Plans llm(String id, String... deps) {
    specs.put(id, LlmNodeSpec.of(id, "gpt-4o-mini", "hi", deps));
    return this;
  }

  Plans toolWithMappings(String id, Map<String, InputMapping> mappings, String... deps) {
    specs.put(
        id,
        new ToolNodeSpec(
            id,
            null,
            List.of(deps),
            null,
            null,
            null,
            null,
            null,
            null,
            mappings,
            null,
            null,
            null,
            null,
            "echo",
            null));
    return this;
  }

  /** Adds any node spec (a loop, a condition, a parallel node built with the helpers below). */
  Plans node(NodeSpec spec) {
    specs.put(spec.id(), spec);
    return this;
  }

  /** A node spec read from its blueprint JSON ({@code type}, {@code id}, snake_case fields). */
  static NodeSpec spec(String json) {
    try {
      return IceosJson.mapper().readValue(json, NodeSpec.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  /** A nested tool node for bodies, paths and branches. */
  static NodeSpec nestedTool(String id, String... deps) {
    return ToolNodeSpec.of(id, "echo", JsonNodeFactory.instance.objectNode(), deps);
  }

  static LoopNodeSpec loop(
      String id,
      String itemsSource,
      List<NodeSpec> body,
      boolean parallel,
      Integer maxIterations,
      String itemVar,
      String... deps) {
    return new LoopNodeSpec(
        id,
        null,
        List.of(deps),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        itemsSource,
        body,
        itemVar,
        maxIterations,
        parallel);
  }

  static ConditionNodeSpec condition(
      String id,
      String expression,
      List<NodeSpec> truePath,
      List<NodeSpec> falsePath,
      List<String> trueBranch,
      List<String> falseBranch,
      String... deps) {
    return new ConditionNodeSpec(
        id,
        null,
        List.of(deps),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        expression,
        truePath,
        falsePath,
        trueBranch,
        falseBranch);
  }

  static ParallelNodeSpec parallel(
      String id,
      List<List<NodeSpec>> branches,
      Integer maxConcurrency,
      WaitStrategy strategy,
      String... deps) {
    return new ParallelNodeSpec(
        id,
        null,
        List.of(deps),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        branches,
        maxConcurrency,
        strategy,
        null);
  }

  static HumanNodeSpec human(
      String id, Integer timeoutSeconds, Integer autoApproveAfter, String... deps) {
    return new HumanNodeSpec(
        id,
        null,
        List.of(deps),
        timeoutSeconds,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "Publish?",
        null,
        null,
        autoApproveAfter,
        null);
  }

  static MonitorNodeSpec monitor(
      String id, String expression, MonitorAction action, Integer intervalSeconds, String... deps) {
    return new MonitorNodeSpec(
        id,
        null,
        List.of(deps),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        expression,
        action,
        List.of("dashboard"),
        intervalSeconds);
  }

  /** A recursive node running the agent package {@code echo_agent} per iteration. */
  static RecursiveNodeSpec recursive(
      String id, List<String> sources, String convergence, Integer maxIterations, String... deps) {
    return new RecursiveNodeSpec(
        id,
        null,
        List.of(deps),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        sources,
        "echo_agent",
        null,
        convergence,
        maxIterations,
        null,
        null);
  }

  Plans retry(String id, RetryPolicy policy) {
    retries.put(id, policy);
    return this;
  }

  Plans policy(FailurePolicy policy) {
    this.failurePolicy = policy;
    return this;
  }

  Plans eager() {
    this.scheduling = Scheduling.EAGER;
    return this;
  }

  Plans limits(Limits value) {
    this.limits = value;
    return this;
  }

  Plans maxParallel(int value) {
    this.maxParallel = value;
    return this;
  }

  ExecutionPlan build() {
    Map<String, Integer> levels = new HashMap<>();
    specs.keySet().forEach(id -> levelOf(id, levels));
    int depth = levels.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<List<String>> byLevel = new ArrayList<>();
    for (int level = 0; level < depth; level++) {
      int wanted = level;
      byLevel.add(specs.keySet().stream().filter(id -> levels.get(id) == wanted).toList());
    }
    List<PlannedNode> nodes =
        specs.values().stream()
            .map(
                spec ->
                    new PlannedNode(
                        spec,
                        levels.get(spec.id()),
                        30_000,
                        retries.getOrDefault(spec.id(), RetryPolicy.none()),
                        true))
            .toList();
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        "hash",
        byLevel,
        nodes,
        failurePolicy,
        scheduling,
        maxParallel,
        limits,
        null,
        null);
  }

  /** A dependency on a recursive node that lists this node as a source (SPEC §2.6). */
  private boolean isLoopBack(String id, String dependency) {
    return specs.get(dependency) instanceof RecursiveNodeSpec recursive
        && recursive.recursiveSources().contains(id);
  }

  private int levelOf(String id, Map<String, Integer> levels) {
    Integer known = levels.get(id);
    if (known != null) {
      return known;
    }
    levels.put(id, 0);
    int level =
        specs.get(id).dependencies().stream()
            .filter(d -> !isLoopBack(id, d))
            .mapToInt(d -> levelOf(d, levels) + 1)
            .max()
            .orElse(0);
    levels.put(id, level);
    return level;
  }
}
