package ai.iceos.worker.llm;

import ai.iceos.contracts.messaging.Failure;

/**
 * Classifies llm-gateway errors: 429 is a retryable {@code rate-limited}, 5xx and transport errors
 * a retryable {@code provider-error}, 402 a permanent {@code budget-exceeded}, and any other 4xx a
 * permanent {@code provider-error} (the request itself is wrong).
 */
public final class GatewayFailures {
  public static final String RATE_LIMITED = "rate-limited";
  public static final String PROVIDER_ERROR = "provider-error";
  public static final String BUDGET_EXCEEDED = "budget-exceeded";

  private GatewayFailures() {}

  public static Failure classify(Throwable error) {
    if (error instanceof GatewayException answered) {
      return ofStatus(answered.status(), answered.getMessage(), answered.retryAfterMs());
    }
    String detail =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return Failure.retryable(PROVIDER_ERROR, "LLM gateway unreachable: " + detail);
  }

  static Failure ofStatus(int status, String message, Long retryAfterMs) {
    if (status == 429) {
      return new Failure(RATE_LIMITED, message, true, retryAfterMs);
    }
    if (status == 402) {
      return Failure.permanent(BUDGET_EXCEEDED, message);
    }
    if (status >= 500) {
      return new Failure(PROVIDER_ERROR, message, true, retryAfterMs);
    }
    return Failure.permanent(PROVIDER_ERROR, message);
  }
}
