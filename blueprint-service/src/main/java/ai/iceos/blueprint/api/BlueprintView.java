package ai.iceos.blueprint.api;

import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.StoredBlueprint;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A stored blueprint as the API shows it.
 *
 * @param data the document as submitted
 * @param plan null unless compiled
 * @param errors the compiler's violations; empty unless invalid
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BlueprintView(
    String id,
    String versionLock,
    BlueprintStatus status,
    JsonNode data,
    PlanSummary plan,
    List<Violation> errors,
    Instant createdAt,
    Instant updatedAt) {
  public BlueprintView {
    errors = List.copyOf(errors);
  }

  static BlueprintView of(StoredBlueprint blueprint) {
    return new BlueprintView(
        blueprint.id().toString(),
        blueprint.versionLock(),
        blueprint.status(),
        blueprint.document(),
        PlanSummary.of(blueprint.plan()),
        blueprint.errors(),
        blueprint.createdAt(),
        blueprint.updatedAt());
  }
}
