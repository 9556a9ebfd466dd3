package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.List;

/** {@code unknown-dependency}: a dependency naming no node of the blueprint. */
final class UnknownDependencyRule implements BlueprintRule {
  static final String CODE = "unknown-dependency";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      for (NodeEntry.Dependency dep : node.dependencies()) {
        if (document.node(dep.id()).isEmpty()) {
          String detail = node.label() + " depends on unknown node '" + dep.id() + "'.";
          out.add(new Violation(dep.pointer(), CODE, detail));
        }
      }
    }
    return out;
  }
}
