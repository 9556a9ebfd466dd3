package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a {@code parallel} node is done (SPEC §1.3). */
public enum WaitStrategy {
  /** Every branch has finished. */
  @JsonProperty("all")
  ALL,
  /** One branch has succeeded; the others still finish. */
  @JsonProperty("any")
  ANY,
  /** The first branch to finish decides; the others are cancelled. */
  @JsonProperty("race")
  RACE
}
