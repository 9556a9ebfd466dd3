package ai.iceos.compiler.compile;

import ai.iceos.compiler.estimate.CostEstimator;
import ai.iceos.compiler.validate.BlueprintValidator;
import ai.iceos.contracts.blueprint.Blueprint;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * Turns a submitted blueprint document into an {@link ExecutionPlan}, or into the list of every
 * problem with it. Pure: no I/O, no framework; thread-safe. Work is linear in the size of the
 * document (plus tokenizing llm prompts).
 *
 * <p>Blueprint-wide defaults: {@code failure_policy} continue_if_possible (also read from {@code
 * metadata.failure_policy}; the top-level field wins), {@code scheduling} level, {@code
 * max_parallel} 5, {@code cache} true, no limits.
 */
public final class PlanCompiler {
  static final int DEFAULT_MAX_PARALLEL = 5;

  private final BlueprintValidator validator;
  private final CostEstimator estimator;

  public PlanCompiler(BlueprintValidator validator, CostEstimator estimator) {
    this.validator = validator;
    this.estimator = estimator;
  }

  public CompileResult compile(JsonNode document) {
    List<Violation> violations = validator.validate(document);
    if (!violations.isEmpty()) {
      return new CompileResult.Rejected(violations);
    }
    return new CompileResult.Compiled(plan(document));
  }

  private ExecutionPlan plan(JsonNode document) {
    Blueprint blueprint = NodeBinding.bind(document);
    TopologicalLevels.Levels levels = levels(blueprint.nodes());
    boolean cache = blueprint.cache() == null || blueprint.cache();
    List<PlannedNode> nodes =
        blueprint.nodes().stream()
            .map(node -> NodeDefaults.plan(node, levels.levelOf().get(node.id()), cache))
            .toList();
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        ContentHash.of(document),
        levels.levels(),
        nodes,
        failurePolicy(blueprint),
        blueprint.scheduling() == null ? Scheduling.LEVEL : blueprint.scheduling(),
        blueprint.maxParallel() == null ? DEFAULT_MAX_PARALLEL : blueprint.maxParallel(),
        blueprint.limits(),
        blueprint.inputs(),
        estimator.estimate(blueprint.nodes(), levels.levels()));
  }

  private static TopologicalLevels.Levels levels(List<NodeSpec> nodes) {
    SequencedMap<String, List<String>> graph = new LinkedHashMap<>();
    nodes.forEach(node -> graph.put(node.id(), node.dependencies()));
    return switch (TopologicalLevels.of(graph)) {
      case TopologicalLevels.Levels levels -> levels;
      case TopologicalLevels.Cycles cycles ->
          throw new IllegalStateException("a validated blueprint has a cycle: " + cycles);
    };
  }

  private static FailurePolicy failurePolicy(Blueprint blueprint) {
    if (blueprint.failurePolicy() != null) {
      return blueprint.failurePolicy();
    }
    JsonNode legacy =
        blueprint.metadata() == null ? null : blueprint.metadata().get("failure_policy");
    if (legacy != null && legacy.isTextual()) {
      return IceosJson.mapper().convertValue(legacy, FailurePolicy.class);
    }
    return FailurePolicy.CONTINUE_IF_POSSIBLE;
  }
}
