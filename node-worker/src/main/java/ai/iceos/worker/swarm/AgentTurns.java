package ai.iceos.worker.swarm;

import io.smallrye.mutiny.Uni;

/**
 * Asks one swarm member one question: a whole agent run (its tool-calling loop through the
 * gateway). A failure is a {@code NodeFailureException} carrying the usage of that run.
 */
@FunctionalInterface
public interface AgentTurns {
  /**
   * @param system the system message (the member's instructions and its part in the swarm)
   * @param user the question
   */
  Uni<AgentAnswer> ask(SwarmMember member, String system, String user);
}
