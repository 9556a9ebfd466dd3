package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an execution does when a node fails for good (SPEC §2.4). */
public enum FailurePolicy {
  /** Nothing new starts; running nodes finish; the execution fails. */
  @JsonProperty("halt_on_first_error")
  HALT_ON_FIRST_ERROR,
  /** Transitive dependents of the failed node are skipped; independent nodes go on. */
  @JsonProperty("continue_if_possible")
  CONTINUE_IF_POSSIBLE,
  /** Dependents still run and see the failed dependency as {@code null}. */
  @JsonProperty("always_continue")
  ALWAYS_CONTINUE
}
