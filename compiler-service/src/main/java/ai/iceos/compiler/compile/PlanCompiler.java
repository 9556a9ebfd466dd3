package ai.iceos.compiler.compile;

import ai.iceos.compiler.estimate.CostEstimator;
import ai.iceos.compiler.estimate.PlanEstimate;
import ai.iceos.compiler.validate.BlueprintValidator;
import ai.iceos.compiler.validate.CompileContext;
import ai.iceos.contracts.blueprint.Blueprint;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

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

  /** Compiles under the default policy, without catalogs or workflow references to check. */
  public CompileResult compile(JsonNode document) {
    return compile(document, CompileContext.standalone());
  }

  public CompileResult compile(JsonNode document, CompileContext context) {
    List<Violation> violations = validator.validate(document, context);
    if (!violations.isEmpty()) {
      return new CompileResult.Rejected(violations);
    }
    return new CompileResult.Compiled(plan(document, context));
  }

  private ExecutionPlan plan(JsonNode document, CompileContext context) {
    Blueprint blueprint = NodeBinding.bind(document);
    boolean cache = blueprint.cache() == null || blueprint.cache();
    PlannedGraph planned = PlannedGraph.of(blueprint.nodes(), cache);
    PlanEstimate estimate =
        estimator.estimate(planned.nodes(), planned.levels(), context.catalogs());
    PlannedGraph graph = planned.withCosts(estimate.byNode());
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        ContentHash.of(document),
        graph.levels(),
        graph.nodes(),
        failurePolicy(blueprint),
        blueprint.scheduling() == null ? Scheduling.LEVEL : blueprint.scheduling(),
        blueprint.maxParallel() == null ? DEFAULT_MAX_PARALLEL : blueprint.maxParallel(),
        blueprint.limits(),
        blueprint.inputs(),
        estimate.total());
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
