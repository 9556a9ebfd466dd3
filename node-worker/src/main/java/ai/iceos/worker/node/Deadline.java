package ai.iceos.worker.node;

import ai.iceos.contracts.messaging.NodeTask;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The time an attempt may take (SPEC §1.2 {@code timeout_seconds}, carried as {@code timeout_ms}).
 */
public final class Deadline {
  /** SPEC §1.2: a node's default per-attempt timeout. */
  static final long DEFAULT_TIMEOUT_MS = 30_000;

  private Deadline() {}

  /** The task's {@code timeout_ms}, or the node's own setting when the task carries none. */
  public static Duration of(NodeTask task) {
    if (task.timeoutMs() > 0) {
      return Duration.ofMillis(task.timeoutMs());
    }
    Integer seconds = task.node().timeoutSeconds();
    return seconds != null && seconds > 0
        ? Duration.ofSeconds(seconds)
        : Duration.ofMillis(DEFAULT_TIMEOUT_MS);
  }

  /** {@code Node '<id>' timed out after <n> s}, with n in seconds without trailing zeros. */
  public static String timeoutMessage(String nodeId, Duration timeout) {
    String seconds =
        BigDecimal.valueOf(timeout.toMillis())
            .movePointLeft(3)
            .stripTrailingZeros()
            .toPlainString();
    return "Node '" + nodeId + "' timed out after " + seconds + " s";
  }
}
