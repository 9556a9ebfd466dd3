package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code unknown-template-reference}: a template reading a root name that is not in the node's
 * scope (SPEC §1.4): {@code inputs}, {@code execution}, the node's input mapping names, its direct
 * dependencies' ids, and the property names of the blueprint's {@code inputs} schema (inputs are
 * also flattened at top level). One violation per unknown name per template.
 */
final class TemplateReferenceRule implements BlueprintRule {
  static final String CODE = "unknown-template-reference";
  private static final Set<String> ALWAYS_IN_SCOPE = Set.of("inputs", "execution");

  @Override
  public List<Violation> check(BlueprintDocument document) {
    Set<String> inputNames = inputNames(document);
    List<Violation> out = new ArrayList<>();
    NodeEntry scopeOwner = null;
    Set<String> scope = Set.of();
    for (TemplateString template : document.templates()) {
      if (template.node() != scopeOwner) {
        scopeOwner = template.node();
        scope = scope(scopeOwner, inputNames);
      }
      for (String name : template.scan().rootNames()) {
        if (!scope.contains(name)) {
          out.add(new Violation(template.pointer(), CODE, detail(document, template, name)));
        }
      }
    }
    return out;
  }

  private static Set<String> scope(NodeEntry node, Set<String> inputNames) {
    Set<String> scope = new HashSet<>(ALWAYS_IN_SCOPE);
    scope.addAll(inputNames);
    node.dependencies().forEach(dep -> scope.add(dep.id()));
    node.object("input_mappings")
        .ifPresent(mappings -> mappings.fieldNames().forEachRemaining(scope::add));
    return scope;
  }

  private static Set<String> inputNames(BlueprintDocument document) {
    Set<String> names = new HashSet<>();
    document
        .field("inputs")
        .map(schema -> schema.get("properties"))
        .filter(JsonNode::isObject)
        .ifPresent(properties -> properties.fieldNames().forEachRemaining(names::add));
    return names;
  }

  private static String detail(BlueprintDocument document, TemplateString template, String name) {
    String where = template.node().label() + ": " + template.field() + " refers to '" + name + "'";
    if (document.node(name).isPresent()) {
      return where
          + ", a node that is not a direct dependency; add it to 'dependencies' to read its output.";
    }
    return where
        + ", which is not in scope; a template may read inputs, execution, input mapping names,"
        + " direct dependencies and the properties of the blueprint's inputs schema.";
  }
}
