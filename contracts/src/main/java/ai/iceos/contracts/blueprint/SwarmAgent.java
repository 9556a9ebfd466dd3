package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One member of a {@code swarm} node.
 *
 * @param agentPackage the registered agent definition it runs
 * @param role unique, non-empty within the swarm
 * @param configOverrides merged over the agent definition's settings, or null
 */
public record SwarmAgent(
    @JsonProperty("package") String agentPackage, String role, JsonNode configOverrides) {
  public SwarmAgent {
    configOverrides = NodeFields.copy(configOverrides);
  }
}
