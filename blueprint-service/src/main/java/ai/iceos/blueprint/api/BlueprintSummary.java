package ai.iceos.blueprint.api;

import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.StoredBlueprint;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A blueprint as a list shows it (the document itself is read one by one).
 *
 * @param name the document's {@code metadata.draft_name}, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BlueprintSummary(
    String id,
    String versionLock,
    BlueprintStatus status,
    String name,
    int nodeCount,
    Instant createdAt,
    Instant updatedAt) {
  static BlueprintSummary of(StoredBlueprint blueprint) {
    var name = blueprint.document().path("metadata").path("draft_name");
    return new BlueprintSummary(
        blueprint.id().toString(),
        blueprint.versionLock(),
        blueprint.status(),
        name.isTextual() ? name.asText() : null,
        blueprint.document().path("nodes").size(),
        blueprint.createdAt(),
        blueprint.updatedAt());
  }
}
