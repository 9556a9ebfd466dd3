package ai.iceos.scheduler.run;

import java.util.Locale;

/** Status of an execution (SPEC §3.1). A terminal run never changes again. */
public enum RunStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** The lower-case name used in the public API and the {@code run.status} column. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
