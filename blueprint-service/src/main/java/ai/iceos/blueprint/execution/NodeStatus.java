package ai.iceos.blueprint.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Status of one node of an execution (SPEC §3.1). */
public enum NodeStatus {
  PENDING,
  QUEUED,
  RUNNING,
  RETRYING,
  WAITING,
  SUCCEEDED,
  FAILED,
  SKIPPED,
  CANCELLED;

  /** A node in a final status is never reopened by a late event. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == CANCELLED;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static NodeStatus fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
