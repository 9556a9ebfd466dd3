package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.Limits;
import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.plan.PlannedNode;

/**
 * Execution-wide guards (SPEC §2.8, {@code limits}): the depth and token ceilings, the per-type
 * {@code max_*} counters checked before a node runs, and the run's {@code timeout_seconds}.
 */
final class Guards {
  static final String DEPTH_CEILING = "Depth ceiling reached";
  static final String TOKEN_CEILING = "Token ceiling exceeded";
  static final String BUDGET_EXCEEDED = "budget-exceeded";

  private Guards() {}

  /** Whether a top-level node sits beyond {@code depth_ceiling} (levels 0..ceiling-1 run). */
  static boolean beyondDepth(Step step, PlannedNode node) {
    Integer ceiling = step.base.plan().limits().depthCeiling();
    return ceiling != null && node.level() >= ceiling;
  }

  /** Whether the execution's tokens so far exceed {@code token_ceiling}. */
  static boolean overTokens(Step step) {
    Long ceiling = step.base.plan().limits().tokenCeiling();
    return ceiling != null && step.usage.totalTokens() > ceiling;
  }

  /** The message of a run that ran out of {@code timeout_seconds}. */
  static String timeout(int seconds) {
    return "Execution timeout exceeded (timeout_seconds=" + seconds + ")";
  }

  /**
   * Counts a node about to run against its type's {@code max_*} limit: the failure when it would
   * exceed it ({@code Tool execution budget exceeded (max=2, current=3)}), else null and the node
   * is counted. Each node counts once, at its first attempt.
   */
  static Failure admit(Step step, PlannedNode node) {
    NodeType kind = node.spec().kind();
    Limits limits = step.base.plan().limits();
    Integer max =
        switch (kind) {
          case TOOL -> limits.maxToolExecutions();
          case LLM -> limits.maxLlmCalls();
          case AGENT -> limits.maxAgentCalls();
          case WORKFLOW -> limits.maxWorkflowExecutions();
          case CODE -> limits.maxCodeExecutions();
          default -> null;
        };
    int current = step.executions.getOrDefault(kind.wireName(), 0) + 1;
    if (max != null && current > max) {
      return Failure.permanent(
          BUDGET_EXCEEDED,
          label(kind) + " budget exceeded (max=" + max + ", current=" + current + ")");
    }
    step.executions.put(kind.wireName(), current);
    return null;
  }

  private static String label(NodeType kind) {
    return switch (kind) {
      case TOOL -> "Tool execution";
      case LLM -> "LLM call";
      case AGENT -> "Agent call";
      case WORKFLOW -> "Workflow execution";
      default -> "Code execution";
    };
  }
}
