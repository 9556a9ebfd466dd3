package ai.iceos.contracts.blueprint;

import java.util.Objects;

/**
 * Binds a name in a node's scope to a value from a direct dependency's output.
 *
 * @param sourceNodeId the dependency (must be a direct dependency)
 * @param sourceOutputKey dotted path into its output; {@code ""} means the whole output
 */
public record InputMapping(String sourceNodeId, String sourceOutputKey) {
  public InputMapping {
    Objects.requireNonNull(sourceNodeId, "source_node_id");
    sourceOutputKey = sourceOutputKey == null ? "" : sourceOutputKey;
  }
}
