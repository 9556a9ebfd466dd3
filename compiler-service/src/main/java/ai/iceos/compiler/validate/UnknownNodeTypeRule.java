package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code unknown-node-type}: a {@code type} that is not one of the twelve node types. Legacy
 * aliases ({@code ai}, {@code prebuilt}, {@code subdag}, {@code nested_chain}, {@code webhook}) are
 * unknown too (SPEC §1.3).
 */
final class UnknownNodeTypeRule implements BlueprintRule {
  static final String CODE = "unknown-node-type";
  private static final String TYPES =
      Arrays.stream(NodeType.values()).map(NodeType::wireName).collect(Collectors.joining(", "));

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      node.typeName()
          .filter(type -> NodeType.fromWireName(type).isEmpty())
          .ifPresent(
              type ->
                  out.add(
                      new Violation(
                          node.pointer("type"),
                          CODE,
                          node.label()
                              + " has unknown type '"
                              + type
                              + "'; node types are "
                              + TYPES
                              + ".")));
    }
    return out;
  }
}
