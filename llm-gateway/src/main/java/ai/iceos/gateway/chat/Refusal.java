package ai.iceos.gateway.chat;

/**
 * Why the gateway will not serve a completion. Thrown through the {@code Uni} of {@link
 * ChatCompletions#complete}; the REST edge renders each case as its OpenAI error.
 */
public abstract sealed class Refusal extends RuntimeException
    permits Refusal.UnknownModel,
        Refusal.OverBudget,
        Refusal.PromptTooLong,
        Refusal.Unavailable,
        Refusal.RateLimited,
        Refusal.ProviderRejected {

  private Refusal(String message) {
    super(message, null, false, false);
  }

  /** No routing rule and no default provider serve the model. */
  public static final class UnknownModel extends Refusal {
    UnknownModel(String model) {
      super("The model '" + model + "' does not exist or is not routed.");
    }
  }

  /** A budget scope cannot hold the call's worst-case cost. */
  public static final class OverBudget extends Refusal {
    OverBudget(String scope, String worstCaseUsd) {
      super("Budget " + scope + " has less than $" + worstCaseUsd + " left for this call.");
    }
  }

  /** The prompt alone exceeds the model's context window. */
  public static final class PromptTooLong extends Refusal {
    PromptTooLong(int promptTokens, int contextWindow) {
      super(
          "The prompt has "
              + promptTokens
              + " tokens; the model's context window is "
              + contextWindow
              + ".");
    }
  }

  /** No provider of the model or its fallbacks can serve now (breaker open, retries exhausted). */
  public static final class Unavailable extends Refusal {
    private final long retryAfterSeconds;

    Unavailable(String model, long retryAfterSeconds) {
      super("No provider can serve '" + model + "' right now; retry later.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** The provider rate-limited the call through every retry, and no fallback served. */
  public static final class RateLimited extends Refusal {
    private final long retryAfterSeconds;

    public RateLimited(String message, long retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** The provider refused the request itself (a 4xx other than 408/429), e.g. a bad key. */
  public static final class ProviderRejected extends Refusal {
    ProviderRejected(String provider, int status) {
      super("The provider '" + provider + "' rejected the request (HTTP " + status + ").");
    }
  }
}
