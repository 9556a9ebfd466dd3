package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of decision a {@code human} node asks for (SPEC §1.3). */
public enum ApprovalType {
  @JsonProperty("approve_reject")
  APPROVE_REJECT,
  /** The decision carries free-form {@code input}. */
  @JsonProperty("input_required")
  INPUT_REQUIRED,
  /** The decision picks one of the node's {@code choices}. */
  @JsonProperty("choice")
  CHOICE
}
