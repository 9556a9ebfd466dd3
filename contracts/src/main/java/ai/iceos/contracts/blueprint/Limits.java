package ai.iceos.contracts.blueprint;

import java.math.BigDecimal;

/**
 * Execution-wide guards (SPEC §1.1, §2.8). Every field is optional (null = no limit).
 *
 * @param budgetUsd spend limit in US dollars, enforced by the gateway by reservation
 * @param timeoutSeconds wall-clock limit of the whole execution
 */
public record Limits(
    Long tokenCeiling,
    Integer depthCeiling,
    BigDecimal budgetUsd,
    Integer timeoutSeconds,
    Integer maxLlmCalls,
    Integer maxToolExecutions,
    Integer maxAgentCalls,
    Integer maxWorkflowExecutions,
    Integer maxCodeExecutions) {

  /** No limits at all. */
  public static Limits none() {
    return new Limits(null, null, null, null, null, null, null, null, null);
  }
}
