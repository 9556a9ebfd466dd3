package ai.iceos.contracts.plan;

/**
 * What an execution of a plan is expected to cost, before anything runs. Money is in micro-USD (1
 * USD = 1,000,000) so that sums are exact.
 *
 * @param minMicroUsd cost if every completion is empty
 * @param avgMicroUsd expected cost (completion at half its limit)
 * @param maxMicroUsd worst case (every completion at its limit)
 * @param tokens expected tokens, prompt and completion
 * @param durationSeconds expected wall-clock time along the critical path
 */
public record CostEstimate(
    long minMicroUsd, long avgMicroUsd, long maxMicroUsd, long tokens, double durationSeconds) {

  public static CostEstimate zero() {
    return new CostEstimate(0, 0, 0, 0, 0);
  }
}
