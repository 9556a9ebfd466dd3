package ai.iceos.worker.swarm;

import java.util.Objects;

/**
 * One agent of a swarm, resolved from its registered package and {@code config_overrides}.
 *
 * @param instructions the agent's own instructions (its system message as an agent), or null
 */
public record SwarmMember(String role, String agentPackage, String instructions) {
  public SwarmMember {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(agentPackage, "agentPackage");
  }
}
