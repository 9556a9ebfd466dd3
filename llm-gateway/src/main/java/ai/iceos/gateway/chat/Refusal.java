package ai.iceos.gateway.chat;

/**
 * Why the gateway will not serve a completion. Thrown through the {@code Uni} of {@link
 * ChatCompletions#complete}; the REST edge renders each case as its OpenAI error.
 */
public abstract sealed class Refusal extends RuntimeException
    permits Refusal.UnknownModel, Refusal.OverBudget, Refusal.PromptTooLong {

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
}
