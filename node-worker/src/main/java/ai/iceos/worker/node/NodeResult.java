package ai.iceos.worker.node;

import ai.iceos.contracts.messaging.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a {@link NodeExecutor} produced before output mappings are applied.
 *
 * @param usage tokens and cost, or null when no provider was called
 */
public record NodeResult(JsonNode output, Usage usage) {
  public NodeResult {
    Objects.requireNonNull(output, "output");
  }
}
