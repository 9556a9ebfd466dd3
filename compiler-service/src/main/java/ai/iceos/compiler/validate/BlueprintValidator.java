package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a submitted blueprint document (the JSON tree, before any binding) and returns every
 * problem found, each with an RFC 6901 pointer into that document. An empty list means the document
 * can be bound to the contracts model and compiled. Thread-safe.
 */
public final class BlueprintValidator {
  private final TemplateScanner scanner = new TemplateScanner();
  private final List<BlueprintRule> rules =
      List.of(
          new JsonTypeRule(),
          new SchemaVersionRule(),
          new UnknownFieldRule(),
          new MissingFieldRule(),
          new InvalidIdRule(),
          new DuplicateIdRule(),
          new UnknownNodeTypeRule(),
          new UnsupportedNodeTypeRule(),
          new SelfDependencyRule(),
          new UnknownDependencyRule(),
          new CycleRule(),
          new RangeRule(),
          new EnumValueRule(),
          new InputMappingRule(),
          new TemplateSyntaxRule(),
          new TemplateReferenceRule());

  /** Every violation, grouped by rule in the order above, each rule's in document order. */
  public List<Violation> validate(JsonNode document) {
    if (document == null || !document.isObject()) {
      String found = document == null ? "nothing" : JsonKind.describe(document);
      return List.of(
          new Violation(
              "", JsonTypeRule.CODE, "A blueprint must be a JSON object, not " + found + "."));
    }
    BlueprintDocument indexed = new BlueprintDocument((ObjectNode) document, scanner);
    List<Violation> violations = new ArrayList<>();
    for (BlueprintRule rule : rules) {
      violations.addAll(rule.check(indexed));
    }
    return List.copyOf(violations);
  }
}
