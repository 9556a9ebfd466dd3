package ai.iceos.worker.node;

import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** How one attempt of a node ended. */
public sealed interface AttemptResult {
  /** Tokens and cost spent by the attempt, or null when it made no provider call. */
  Usage usage();

  /**
   * @param output the node's output with output mappings applied
   */
  record Succeeded(JsonNode output, Usage usage) implements AttemptResult {
    public Succeeded {
      Objects.requireNonNull(output, "output");
    }
  }

  record Failed(Failure failure, Usage usage) implements AttemptResult {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
