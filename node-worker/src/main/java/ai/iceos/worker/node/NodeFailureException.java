package ai.iceos.worker.node;

import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.Usage;
import java.util.Objects;

/**
 * An expected failure of an attempt, already classified, travelling through a {@code Uni} chain to
 * {@link NodeRunner}, which turns it into an {@link AttemptResult.Failed}.
 */
public final class NodeFailureException extends RuntimeException {
  private final transient Failure failure;
  private final transient Usage usage;

  /**
   * @param usage tokens and cost spent before the failure, or null
   */
  public NodeFailureException(Failure failure, Usage usage) {
    super(Objects.requireNonNull(failure, "failure").message(), null, false, false);
    this.failure = failure;
    this.usage = usage;
  }

  public NodeFailureException(Failure failure) {
    this(failure, null);
  }

  public Failure failure() {
    return failure;
  }

  public Usage usage() {
    return usage;
  }
}
