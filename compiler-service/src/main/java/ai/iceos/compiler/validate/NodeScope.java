package ai.iceos.compiler.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The root names a node's templates may read (SPEC §1.4, §2.11): {@code inputs}, {@code execution},
 * each declared run input flattened, the node's direct dependencies and input mapping names; inside
 * a loop body also the owner's scope, the {@code item_var} ({@code item}), {@code loop_index} and
 * {@code loop_items}; inside a parallel branch the owner's scope and {@code branch_index}; inside a
 * condition path the condition's scope, {@code condition_result} and the earlier nodes of the same
 * path. Computed once per node; not thread-safe.
 */
final class NodeScope {
  private static final Set<String> ALWAYS_IN_SCOPE = Set.of("inputs", "execution");

  private final Set<String> inputNames;
  private final Map<NodeEntry, Set<String>> scopes = new IdentityHashMap<>();

  NodeScope(Set<String> inputNames) {
    this.inputNames = inputNames;
  }

  /** The names declared by the blueprint's {@code inputs} schema ({@code properties}). */
  static Set<String> inputNames(BlueprintDocument document) {
    Set<String> names = new HashSet<>();
    document
        .field("inputs")
        .map(schema -> schema.get("properties"))
        .filter(JsonNode::isObject)
        .ifPresent(properties -> properties.fieldNames().forEachRemaining(names::add));
    return names;
  }

  Set<String> of(NodeEntry node) {
    Set<String> scope = scopes.get(node);
    if (scope == null) {
      scope = compute(node);
      scopes.put(node, scope);
    }
    return scope;
  }

  private Set<String> compute(NodeEntry node) {
    Set<String> scope = new HashSet<>(ALWAYS_IN_SCOPE);
    scope.addAll(inputNames);
    node.dependencies().forEach(dep -> scope.add(dep.id()));
    node.object("input_mappings")
        .ifPresent(mappings -> mappings.fieldNames().forEachRemaining(scope::add));
    node.graph().owner().ifPresent(owner -> inherit(node, owner, scope));
    return scope;
  }

  private void inherit(NodeEntry node, NodeEntry owner, Set<String> scope) {
    scope.addAll(of(owner));
    switch (node.graph().kind()) {
      case LOOP_BODY -> {
        scope.add(owner.text("item_var").orElse("item"));
        scope.add("loop_index");
        scope.add("loop_items");
      }
      case PARALLEL_BRANCH -> scope.add("branch_index");
      case CONDITION_PATH -> {
        scope.add("condition_result");
        for (NodeEntry earlier : node.graph().nodes()) {
          if (earlier == node) {
            break;
          }
          earlier.id().ifPresent(scope::add);
        }
      }
      case TOP_LEVEL -> {
        // Top-level nodes have no owner.
      }
    }
  }
}
