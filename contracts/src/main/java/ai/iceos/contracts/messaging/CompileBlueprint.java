package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Asks compiler-service to validate and compile one stored revision of a blueprint. The answer is a
 * {@link BlueprintEvent} with the same blueprint id and revision and {@code causationId} equal to
 * this message's id.
 *
 * @param orgId the owning org (its policy applies)
 * @param revision the stored revision this document is; answers for older revisions are stale
 * @param document the blueprint exactly as the user submitted it (pointers refer to it)
 */
public record CompileBlueprint(
    UUID messageId,
    String blueprintId,
    String orgId,
    long revision,
    JsonNode document,
    Instant occurredAt)
    implements BlueprintCommand {
  public CompileBlueprint {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(blueprintId, "blueprint_id");
    Objects.requireNonNull(document, "document");
    document = document.deepCopy();
  }
}
