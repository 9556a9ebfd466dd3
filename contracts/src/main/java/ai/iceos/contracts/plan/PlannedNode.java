package ai.iceos.contracts.plan;

import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of a compiled plan: the user's node plus everything the compiler resolved for it.
 *
 * @param spec the node as submitted
 * @param level 0 for roots, else 1 + the highest level of its dependencies (SPEC §2.1)
 * @param timeoutMs per-attempt timeout, default applied
 * @param retry retry policy, legacy fields folded in, defaults applied
 * @param useCache whether the output cache may serve it (node and blueprint switches combined)
 * @param subGraphs the compiled nested graphs of a condition, loop or parallel node, in the order
 *     of {@link NodeSpec#children()}; empty for other types (and omitted on the wire then)
 * @param estimatedCost what one run of this node is expected to cost (for a condition, loop or
 *     parallel node: its nested nodes included), or null when not estimated (omitted on the wire)
 */
public record PlannedNode(
    NodeSpec spec,
    int level,
    long timeoutMs,
    RetryPolicy retry,
    boolean useCache,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubGraph> subGraphs,
    @JsonInclude(JsonInclude.Include.NON_NULL) CostEstimate estimatedCost) {
  public PlannedNode {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(retry, "retry");
    if (level < 0) {
      throw new IllegalArgumentException("level must be >= 0");
    }
    subGraphs = subGraphs == null ? List.of() : List.copyOf(subGraphs);
  }

  /** A node without a cost estimate. */
  public PlannedNode(
      NodeSpec spec,
      int level,
      long timeoutMs,
      RetryPolicy retry,
      boolean useCache,
      List<SubGraph> subGraphs) {
    this(spec, level, timeoutMs, retry, useCache, subGraphs, null);
  }

  /** A node without nested graphs. */
  public PlannedNode(
      NodeSpec spec, int level, long timeoutMs, RetryPolicy retry, boolean useCache) {
    this(spec, level, timeoutMs, retry, useCache, List.of(), null);
  }

  /** This node with {@code estimate} as its cost estimate. */
  public PlannedNode withEstimatedCost(CostEstimate estimate, List<SubGraph> subGraphs) {
    return new PlannedNode(spec, level, timeoutMs, retry, useCache, subGraphs, estimate);
  }

  public String id() {
    return spec.id();
  }

  /** The nested graph with this name ({@code true_path}, {@code body}, {@code branches/1}…). */
  public Optional<SubGraph> subGraph(String name) {
    return subGraphs.stream().filter(g -> g.name().equals(name)).findFirst();
  }
}
