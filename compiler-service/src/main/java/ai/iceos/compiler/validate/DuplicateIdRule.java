package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code duplicate-id}: a node id already used by an earlier node, nested nodes included (ids are
 * unique in the whole blueprint); reported on each repeat.
 */
final class DuplicateIdRule implements BlueprintRule {
  static final String CODE = "duplicate-id";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      node.id()
          .ifPresent(
              id -> {
                NodeEntry first = document.node(id).orElseThrow();
                if (first != node) {
                  String detail =
                      "Node id '"
                          + id
                          + "' is already used by the node at "
                          + first.pointer()
                          + ".";
                  out.add(new Violation(node.pointer("id"), CODE, detail));
                }
              });
    }
    return out;
  }
}
