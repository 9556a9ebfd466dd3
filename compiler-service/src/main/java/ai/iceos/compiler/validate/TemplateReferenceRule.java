package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code unknown-template-reference}: a template or expression reading a root name that can never
 * be in the node's scope ({@link NodeScope}), or a run input ({@code inputs.x}) that the
 * blueprint's {@code inputs} schema does not declare when it declares properties. Without declared
 * properties the run inputs are only known at run time, and SPEC §1.4 flattens them into the top of
 * the scope: a free root name that is no node id is then read as a run input and accepted (the node
 * fails at run time when the input is absent). One violation per unknown name per template.
 * Expressions over runtime-provided names (monitor metrics, a recursive node's convergence state)
 * are not checked.
 */
final class TemplateReferenceRule implements BlueprintRule {
  static final String CODE = "unknown-template-reference";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    Set<String> inputNames = NodeScope.inputNames(document);
    boolean inputsDeclared = !inputNames.isEmpty();
    NodeScope scopes = new NodeScope(inputNames);
    List<Violation> out = new ArrayList<>();
    for (TemplateString template : document.templates()) {
      if (!template.scoped()) {
        continue;
      }
      Set<String> scope = scopes.of(template.node());
      for (String name : template.scan().rootNames()) {
        if (!scope.contains(name) && (inputsDeclared || document.node(name).isPresent())) {
          out.add(new Violation(template.pointer(), CODE, detail(document, template, name)));
        }
      }
      if (inputsDeclared) {
        for (String input : template.scan().inputKeys()) {
          if (!inputNames.contains(input)) {
            out.add(new Violation(template.pointer(), CODE, inputDetail(template, input)));
          }
        }
      }
    }
    return out;
  }

  private static String inputDetail(TemplateString template, String input) {
    return template.node().label()
        + ": "
        + template.field()
        + " refers to 'inputs."
        + input
        + "', which the blueprint's inputs schema does not declare.";
  }

  private static String detail(BlueprintDocument document, TemplateString template, String name) {
    String where = template.node().label() + ": " + template.field() + " refers to '" + name + "'";
    if (document.node(name).isPresent()) {
      return where
          + ", a node that is not a direct dependency; add it to 'dependencies' to read its output.";
    }
    return where
        + ", which is not in scope; "
        + template.noun()
        + " may read inputs, execution, input mapping names, direct dependencies, the properties"
        + " of the blueprint's inputs schema and, when nested, its owner's scope and the loop,"
        + " branch or condition names.";
  }
}
