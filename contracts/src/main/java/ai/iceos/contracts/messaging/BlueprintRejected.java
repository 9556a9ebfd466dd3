package ai.iceos.contracts.messaging;

import ai.iceos.contracts.blueprint.Violation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The blueprint revision is invalid; {@code violations} lists every problem found, not only the
 * first.
 *
 * @param forbidden true when the only problems are policy denials (403 rather than 422)
 */
public record BlueprintRejected(
    UUID messageId,
    UUID causationId,
    String blueprintId,
    long revision,
    List<Violation> violations,
    boolean forbidden,
    Instant occurredAt)
    implements BlueprintEvent {
  public BlueprintRejected {
    violations = List.copyOf(violations);
  }
}
