package ai.iceos.blueprint.waiting;

/** The keys requests wait on, shared by the waiters and the handlers that wake them. */
public final class WaitKeys {
  private WaitKeys() {}

  public static String blueprint(String blueprintId) {
    return "blueprint:" + blueprintId;
  }

  /** Woken by every event of the execution (event streams). */
  public static String execution(String executionId) {
    return "execution:" + executionId;
  }

  /** Woken only when the execution's view has ended ({@code wait_seconds}). */
  public static String executionEnd(String executionId) {
    return "execution-end:" + executionId;
  }
}
