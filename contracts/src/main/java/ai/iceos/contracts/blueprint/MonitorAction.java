package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a triggered {@code monitor} node does (SPEC §2.11). */
public enum MonitorAction {
  /** Emits {@code node.alert}; the execution goes on. */
  @JsonProperty("alert_only")
  ALERT_ONLY,
  /** Pauses the execution until it is resumed through the API. */
  @JsonProperty("pause")
  PAUSE,
  /** Fails the execution with {@code Aborted by monitor <id>}. */
  @JsonProperty("abort")
  ABORT
}
