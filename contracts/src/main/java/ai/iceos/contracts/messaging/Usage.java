package ai.iceos.contracts.messaging;

/**
 * Tokens and cost of provider calls. Money in micro-USD (1 USD = 1,000,000) so that sums are exact.
 */
public record Usage(
    long promptTokens, long completionTokens, long totalTokens, long costMicroUsd, int llmCalls) {
  public static Usage none() {
    return new Usage(0, 0, 0, 0, 0);
  }

  public Usage plus(Usage other) {
    return new Usage(
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        totalTokens + other.totalTokens,
        costMicroUsd + other.costMicroUsd,
        llmCalls + other.llmCalls);
  }
}
