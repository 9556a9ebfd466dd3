package ai.iceos.contracts.plan;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.Limits;
import ai.iceos.contracts.blueprint.Scheduling;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compiled, frozen blueprint: what the scheduler runs. Produced only by compiler-service.
 *
 * @param planVersion format version of this record; bumped on incompatible changes
 * @param contentHash hash of the canonical blueprint document; equal documents, equal hashes
 * @param levels node ids per level, level 0 first; ids in blueprint order within a level
 * @param nodes top-level nodes in blueprint order
 * @param inputsSchema JSON Schema that run inputs must satisfy, or null
 */
public record ExecutionPlan(
    int planVersion,
    String contentHash,
    List<List<String>> levels,
    List<PlannedNode> nodes,
    FailurePolicy failurePolicy,
    Scheduling scheduling,
    int maxParallel,
    Limits limits,
    JsonNode inputsSchema,
    CostEstimate estimatedCost) {
  public static final int CURRENT_VERSION = 1;

  public ExecutionPlan {
    levels = levels.stream().map(List::copyOf).toList();
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(failurePolicy, "failure_policy");
    Objects.requireNonNull(scheduling, "scheduling");
    limits = limits == null ? Limits.none() : limits;
    estimatedCost = estimatedCost == null ? CostEstimate.zero() : estimatedCost;
  }

  /** The top-level node with this id. */
  public Optional<PlannedNode> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }
}
