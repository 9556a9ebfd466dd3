package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code unknown-workflow}: a {@code workflow_ref} that names no stored blueprint of the org. Only
 * blueprint-service knows them; it sends the references that resolve in {@code
 * CompileBlueprint.known_workflow_refs}. When that list is empty the references were not resolved
 * and are not checked (an empty list is not sent on the wire, so it cannot be told from "not
 * resolved").
 */
final class WorkflowRefRule implements BlueprintRule {
  static final String CODE = "unknown-workflow";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    Set<String> known = new HashSet<>(document.context().knownWorkflowRefs());
    if (known.isEmpty()) {
      return List.of();
    }
    return ResourceReference.of(document).stream()
        .filter(reference -> reference.kind() == ResourceReference.Kind.WORKFLOW)
        .filter(reference -> !known.contains(reference.name()))
        .map(
            reference ->
                new Violation(
                    reference.pointer(),
                    CODE,
                    "Workflow '" + reference.name() + "' is not a stored blueprint of this org."))
        .toList();
  }
}
