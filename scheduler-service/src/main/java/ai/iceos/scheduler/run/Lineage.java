package ai.iceos.scheduler.run;

import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.plan.PinnedPlan;
import java.util.Map;

/**
 * Where an execution sits among child executions (SPEC §2.6, decision 0114): the {@code workflow}
 * node that started it, its nesting depth, and every workflow it may start in turn.
 *
 * @param parentExecutionId the execution whose {@code workflow} node started this one, or null for
 *     a top-level execution
 * @param parentNodeId that node's path id, or null
 * @param depth 0 for a top-level execution, the parent's depth + 1 for a child
 * @param workflows every {@code workflow_ref} reachable from the plan, as resolved by
 *     blueprint-service when the top-level execution started; a child inherits the whole map
 */
public record Lineage(
    String parentExecutionId, String parentNodeId, int depth, Map<String, PinnedPlan> workflows) {
  public static final Lineage TOP_LEVEL = new Lineage(null, null, 0, Map.of());

  public Lineage {
    workflows = workflows == null ? Map.of() : Map.copyOf(workflows);
  }

  static Lineage of(StartRun command) {
    return new Lineage(
        command.parentExecutionId(), command.parentNodeId(), command.depth(), command.workflows());
  }

  boolean isChild() {
    return parentExecutionId != null;
  }
}
