package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Wait before retry n (0-based) for a base of b seconds (SPEC §1.2). */
public enum BackoffStrategy {
  /** b */
  @JsonProperty("fixed")
  FIXED,
  /** b·(n+1) */
  @JsonProperty("linear")
  LINEAR,
  /** b·2ⁿ */
  @JsonProperty("exponential")
  EXPONENTIAL
}
