package ai.iceos.blueprint.store;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One stored revision of a blueprint.
 *
 * @param plan the compiled plan, or null unless compiled
 * @param errors the compiler's violations, empty unless invalid
 * @param forbidden true when the rejection was a policy denial
 */
public record StoredBlueprint(
    UUID id,
    String orgId,
    long revision,
    String versionLock,
    BlueprintStatus status,
    JsonNode document,
    ExecutionPlan plan,
    List<Violation> errors,
    boolean forbidden,
    Instant createdAt,
    Instant updatedAt) {
  public StoredBlueprint {
    errors = errors == null ? List.of() : List.copyOf(errors);
    document = document.deepCopy();
  }
}
