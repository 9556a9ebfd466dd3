package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a node becomes eligible to run (SPEC §2.1). */
public enum Scheduling {
  /** A level starts when every node of the previous level is finished. */
  @JsonProperty("level")
  LEVEL,
  /** A node starts as soon as its own dependencies are finished. */
  @JsonProperty("eager")
  EAGER
}
