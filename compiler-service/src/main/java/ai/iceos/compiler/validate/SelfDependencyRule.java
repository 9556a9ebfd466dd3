package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.List;

/** {@code self-dependency}: a node listing its own id in {@code dependencies}. */
final class SelfDependencyRule implements BlueprintRule {
  static final String CODE = "self-dependency";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      node.id()
          .ifPresent(
              id ->
                  node.dependencies().stream()
                      .filter(dep -> dep.id().equals(id))
                      .forEach(
                          dep ->
                              out.add(
                                  new Violation(
                                      dep.pointer(),
                                      CODE,
                                      "Node '" + id + "' depends on itself."))));
    }
    return out;
  }
}
