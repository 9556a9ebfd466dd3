package ai.iceos.contracts.plan;

import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import java.util.Objects;

/**
 * A node of a compiled plan: the user's node plus everything the compiler resolved for it.
 *
 * @param spec the node as submitted
 * @param level 0 for roots, else 1 + the highest level of its dependencies (SPEC §2.1)
 * @param timeoutMs per-attempt timeout, default applied
 * @param retry retry policy, legacy fields folded in, defaults applied
 * @param useCache whether the output cache may serve it (node and blueprint switches combined)
 */
public record PlannedNode(
    NodeSpec spec, int level, long timeoutMs, RetryPolicy retry, boolean useCache) {
  public PlannedNode {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(retry, "retry");
    if (level < 0) {
      throw new IllegalArgumentException("level must be >= 0");
    }
  }

  public String id() {
    return spec.id();
  }
}
