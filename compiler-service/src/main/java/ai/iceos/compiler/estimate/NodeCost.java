package ai.iceos.compiler.estimate;

import ai.iceos.contracts.plan.CostEstimate;

/**
 * The exact sums behind a {@link CostEstimate}: money as tokens × micro-USD per million tokens (so
 * no rounding happens before the total), tokens, and duration in milliseconds.
 *
 * @param minNumerator prompts only
 * @param doubledAvgNumerator twice (prompts + half completions), so that it stays integral
 * @param maxNumerator prompts + full completions
 * @param promptTokens prompt tokens
 * @param completionTokens completion tokens at their limits
 * @param durationMillis expected wall-clock time
 */
record NodeCost(
    long minNumerator,
    long doubledAvgNumerator,
    long maxNumerator,
    long promptTokens,
    long completionTokens,
    long durationMillis) {
  static final NodeCost ZERO = new NodeCost(0, 0, 0, 0, 0, 0);

  /** {@code calls} model calls of {@code prompt} and up to {@code completion} tokens each. */
  static NodeCost calls(
      long calls, long prompt, long completion, ModelPrice price, long callMillis) {
    long in = prompt * price.inputPerMillion();
    long out = completion * price.outputPerMillion();
    return new NodeCost(
        calls * in,
        calls * (2 * in + out),
        calls * (in + out),
        calls * prompt,
        calls * completion,
        calls * callMillis);
  }

  static NodeCost duration(long millis) {
    return new NodeCost(0, 0, 0, 0, 0, millis);
  }

  /** Both, one after the other. */
  NodeCost plus(NodeCost other) {
    return new NodeCost(
        minNumerator + other.minNumerator,
        doubledAvgNumerator + other.doubledAvgNumerator,
        maxNumerator + other.maxNumerator,
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        durationMillis + other.durationMillis);
  }

  /** Both at once: money adds up, time is the longer one. */
  NodeCost alongside(NodeCost other) {
    return plus(other).withDuration(Math.max(durationMillis, other.durationMillis));
  }

  /** One of the two (a condition's paths): the cheaper for min, the dearer for max, avg between. */
  NodeCost either(NodeCost other) {
    return new NodeCost(
        Math.min(minNumerator, other.minNumerator),
        (doubledAvgNumerator + other.doubledAvgNumerator) / 2,
        Math.max(maxNumerator, other.maxNumerator),
        (promptTokens + other.promptTokens) / 2,
        (completionTokens + other.completionTokens) / 2,
        Math.max(durationMillis, other.durationMillis));
  }

  /** {@code times} runs; {@code sequential} adds their durations, otherwise they overlap. */
  NodeCost times(long times, boolean sequential) {
    return new NodeCost(
        times * minNumerator,
        times * doubledAvgNumerator,
        times * maxNumerator,
        times * promptTokens,
        times * completionTokens,
        sequential ? times * durationMillis : durationMillis);
  }

  NodeCost withDuration(long millis) {
    return new NodeCost(
        minNumerator, doubledAvgNumerator, maxNumerator, promptTokens, completionTokens, millis);
  }

  /** Rounded to micro-USD (half up); {@code tokens} is the avg case: prompts + half completions. */
  CostEstimate toEstimate() {
    return new CostEstimate(
        rounded(minNumerator, 1),
        rounded(doubledAvgNumerator, 2),
        rounded(maxNumerator, 1),
        promptTokens + completionTokens / 2,
        durationMillis / 1000.0);
  }

  private static long rounded(long numerator, long divisor) {
    long scale = 1_000_000L * divisor;
    return (numerator + scale / 2) / scale;
  }
}
