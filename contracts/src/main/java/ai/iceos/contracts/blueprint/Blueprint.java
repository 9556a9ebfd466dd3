package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A blueprint as submitted (SPEC §1.1), bound after validation. Optional fields are null when the
 * user omitted them; the compiler resolves their defaults into the plan.
 */
public record Blueprint(
    String blueprintId,
    String schemaVersion,
    JsonNode metadata,
    List<NodeSpec> nodes,
    JsonNode inputs,
    FailurePolicy failurePolicy,
    Scheduling scheduling,
    Integer maxParallel,
    Limits limits,
    Boolean cache) {
  public Blueprint {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }
}
