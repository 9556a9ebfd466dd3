package ai.iceos.compiler.validate;

import ai.iceos.compiler.catalog.Catalogs;
import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code unknown-tool}, {@code unknown-model}, {@code unknown-agent}: a tool, model or agent
 * package that the system's catalogs do not list. A catalog that is still empty is not known yet
 * (its publisher has not started) and is not checked, so a fresh system still compiles; once a
 * publisher has announced anything, its catalog is authoritative.
 */
final class CatalogRule implements BlueprintRule {
  static final String UNKNOWN_TOOL = "unknown-tool";
  static final String UNKNOWN_MODEL = "unknown-model";
  static final String UNKNOWN_AGENT = "unknown-agent";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    Catalogs catalogs = document.context().catalogs();
    List<Violation> out = new ArrayList<>();
    for (ResourceReference reference : ResourceReference.of(document)) {
      switch (reference.kind()) {
        case TOOL -> unknown(catalogs.tools(), reference, UNKNOWN_TOOL, "Tool", out);
        case MODEL -> unknown(catalogs.models(), reference, UNKNOWN_MODEL, "Model", out);
        case AGENT -> unknown(catalogs.agents(), reference, UNKNOWN_AGENT, "Agent package", out);
        case WORKFLOW -> {
          // Checked against the org's stored blueprints by WorkflowRefRule.
        }
      }
    }
    return out;
  }

  private static void unknown(
      Map<String, ?> catalog,
      ResourceReference reference,
      String code,
      String noun,
      List<Violation> out) {
    if (!catalog.isEmpty() && !catalog.containsKey(reference.name())) {
      String detail = noun + " '" + reference.name() + "' is not registered.";
      out.add(new Violation(reference.pointer(), code, detail));
    }
  }
}
