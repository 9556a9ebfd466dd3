package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code invalid-id}: a node id that does not match {@code ^[A-Za-z_][A-Za-z0-9_-]*$}. */
final class InvalidIdRule implements BlueprintRule {
  static final String CODE = "invalid-id";
  private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      node.id()
          .filter(id -> !ID.matcher(id).matches())
          .ifPresent(
              id ->
                  out.add(
                      new Violation(
                          node.pointer("id"),
                          CODE,
                          "Node id '"
                              + id
                              + "' is invalid; ids start with a letter or '_' and contain only"
                              + " letters, digits, '_' and '-'.")));
    }
    return out;
  }
}
