package ai.iceos.contracts.messaging;

import ai.iceos.contracts.policy.OrgPolicy;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
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
 * @param policy the org's policy (allowed and denied tools, agents, models); null means {@link
 *     OrgPolicy#defaults()}
 * @param knownWorkflowRefs the {@code workflow_ref} values of the document that resolve to a stored
 *     blueprint of the org (resolved by blueprint-service, which owns the blueprints); any other
 *     reference is unknown
 */
public record CompileBlueprint(
    UUID messageId,
    String blueprintId,
    String orgId,
    long revision,
    JsonNode document,
    OrgPolicy policy,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> knownWorkflowRefs,
    Instant occurredAt)
    implements BlueprintCommand {
  public CompileBlueprint {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(blueprintId, "blueprint_id");
    Objects.requireNonNull(document, "document");
    document = document.deepCopy();
    knownWorkflowRefs = knownWorkflowRefs == null ? List.of() : List.copyOf(knownWorkflowRefs);
  }

  /** A request under the default policy with no workflow references. */
  public CompileBlueprint(
      UUID messageId,
      String blueprintId,
      String orgId,
      long revision,
      JsonNode document,
      Instant occurredAt) {
    this(messageId, blueprintId, orgId, revision, document, null, List.of(), occurredAt);
  }

  /** The policy that applies: the org's, or the defaults. */
  public OrgPolicy effectivePolicy() {
    return policy == null ? OrgPolicy.defaults() : policy;
  }
}
