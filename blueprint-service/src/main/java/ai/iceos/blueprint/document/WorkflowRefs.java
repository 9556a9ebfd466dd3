package ai.iceos.blueprint.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The {@code workflow_ref} values of a blueprint document (nested nodes included), which
 * blueprint-service resolves for the compiler because it owns the blueprints.
 */
public final class WorkflowRefs {
  private static final String FIELD = "workflow_ref";

  private WorkflowRefs() {}

  /** A reference: a blueprint id, and the version lock it pins, or null for the current one. */
  public record Ref(UUID blueprintId, String versionLock) {}

  /** Every textual {@code workflow_ref} anywhere in the document, sorted. */
  public static Set<String> in(JsonNode document) {
    Set<String> refs = new TreeSet<>();
    collect(document, refs);
    return refs;
  }

  /** {@code id} or {@code id@version_lock}; empty when the id is not a blueprint id at all. */
  public static Optional<Ref> parse(String ref) {
    int at = ref.indexOf('@');
    String id = at < 0 ? ref : ref.substring(0, at);
    String lock = at < 0 ? null : ref.substring(at + 1);
    try {
      return Optional.of(
          new Ref(UUID.fromString(id.trim()), lock == null || lock.isBlank() ? null : lock));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void collect(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      JsonNode ref = node.get(FIELD);
      if (ref != null && ref.isTextual()) {
        refs.add(ref.asText());
      }
    }
    if (node.isContainerNode()) {
      node.forEach(child -> collect(child, refs));
    }
  }
}
