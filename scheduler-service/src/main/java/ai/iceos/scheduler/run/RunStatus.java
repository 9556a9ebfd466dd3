package ai.iceos.scheduler.run;

import java.util.Locale;

/** Status of an execution (SPEC §3.1). A terminal run never changes again. */
public enum RunStatus {
  PENDING,
  RUNNING,
  /**
   * A monitor paused it: nothing new is dispatched, running attempts finish and are recorded, until
   * a {@code ResumeRun}.
   */
  PAUSED,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** Not finished: reports of attempts still out are recorded (running or paused). */
  public boolean isActive() {
    return this == RUNNING || this == PAUSED;
  }

  /** The lower-case name used in the public API and the {@code run.status} column. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
