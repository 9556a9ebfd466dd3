package ai.iceos.worker.swarm;

import ai.iceos.contracts.messaging.Usage;
import java.util.Objects;

/**
 * What one agent run answered.
 *
 * @param text the agent's final message ("" when it sent none)
 * @param usage tokens and cost of every model call of the run
 */
public record AgentAnswer(String text, Usage usage) {
  public AgentAnswer {
    text = text == null ? "" : text;
    Objects.requireNonNull(usage, "usage");
  }
}
