package ai.iceos.blueprint.waiting;

/** The keys requests wait on, shared by the waiters and the handlers that wake them. */
public final class WaitKeys {
  private WaitKeys() {}

  public static String blueprint(String blueprintId) {
    return "blueprint:" + blueprintId;
  }

  public static String execution(String executionId) {
    return "execution:" + executionId;
  }
}
