package ai.iceos.blueprint.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Status of an execution (SPEC §3.1). */
public enum ExecutionStatus {
  PENDING,
  RUNNING,
  PAUSED,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Nothing changes an execution once it is terminal. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ExecutionStatus fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
