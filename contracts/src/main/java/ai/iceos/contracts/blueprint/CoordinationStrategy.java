package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the agents of a {@code swarm} node cooperate (SPEC §2.6). */
public enum CoordinationStrategy {
  /** Rounds until the share of agreeing agents reaches the consensus threshold. */
  @JsonProperty("consensus")
  CONSENSUS,
  /** The first agent leads and delegates to the others. */
  @JsonProperty("hierarchical")
  HIERARCHICAL,
  /** Agents bid; the best bid executes. */
  @JsonProperty("marketplace")
  MARKETPLACE
}
