package ai.iceos.contracts.plan;

import java.util.Objects;

/**
 * The compiled plan of one stored blueprint version, as a {@code workflow} node runs it.
 *
 * @param blueprintId the referenced blueprint
 * @param versionLock the version the plan was compiled from
 */
public record PinnedPlan(String blueprintId, String versionLock, ExecutionPlan plan) {
  public PinnedPlan {
    Objects.requireNonNull(blueprintId, "blueprint_id");
    Objects.requireNonNull(plan, "plan");
  }
}
