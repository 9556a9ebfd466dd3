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
 *
 * <p>A document beyond {@link ValidationLimits} gets only the limit's problem ({@code
 * too-many-nodes}, {@code too-deep}), at once, so that a hostile document costs one walk.
 */
public final class BlueprintValidator {
  static final String TOO_MANY_NODES = "too-many-nodes";
  static final String TOO_DEEP = "too-deep";

  private final TemplateScanner scanner = new TemplateScanner();
  private final PublicSchemaCheck publicSchema = new PublicSchemaCheck();
  private final ValidationLimits limits;
  private final List<BlueprintRule> rules =
      List.of(
          new JsonTypeRule(),
          new SchemaVersionRule(),
          new UnknownFieldRule(),
          new MissingFieldRule(),
          new InvalidIdRule(),
          new DuplicateIdRule(),
          new UnknownNodeTypeRule(),
          new SelfDependencyRule(),
          new UnknownDependencyRule(),
          new CycleRule(),
          new RangeRule(),
          new EnumValueRule(),
          new NodeListRule(),
          new HumanNodeRule(),
          new SwarmNodeRule(),
          new RecursiveNodeRule(),
          new InputMappingRule(),
          new TemplateSyntaxRule(),
          new TemplateReferenceRule(),
          new CatalogRule(),
          new PolicyRule(),
          new WorkflowRefRule());

  public BlueprintValidator(ValidationLimits limits) {
    this.limits = limits;
  }

  /** Standard limits. */
  public BlueprintValidator() {
    this(ValidationLimits.standard());
  }

  /** Every violation, grouped by rule in the order above, each rule's in document order. */
  public List<Violation> validate(JsonNode document, CompileContext context) {
    if (document == null || !document.isObject()) {
      String found = document == null ? "nothing" : JsonKind.describe(document);
      return List.of(
          new Violation(
              "", JsonTypeRule.CODE, "A blueprint must be a JSON object, not " + found + "."));
    }
    BlueprintDocument indexed =
        new BlueprintDocument((ObjectNode) document, context, limits, scanner);
    List<Violation> beyondLimits = beyondLimits(indexed);
    if (!beyondLimits.isEmpty()) {
      return beyondLimits;
    }
    List<Violation> violations = new ArrayList<>();
    for (BlueprintRule rule : rules) {
      violations.addAll(rule.check(indexed));
    }
    violations.addAll(publicSchema.uncovered(document, violations));
    return List.copyOf(violations);
  }

  /** Whether every violation is a policy denial (a 403 rather than a 422). */
  public static boolean onlyPolicyDenials(List<Violation> violations) {
    return !violations.isEmpty()
        && violations.stream().allMatch(v -> PolicyRule.DENIALS.contains(v.code()));
  }

  private List<Violation> beyondLimits(BlueprintDocument document) {
    if (document.tooManyNodes()) {
      return List.of(
          new Violation(
              "/nodes",
              TOO_MANY_NODES,
              "The blueprint has more than "
                  + limits.maxNodes()
                  + " nodes (nested ones included); split it into workflows of at most "
                  + limits.maxNodes()
                  + " nodes. Nothing else was checked."));
    }
    return document.tooDeep().stream()
        .map(
            graph ->
                new Violation(
                    graph.pointer(),
                    TOO_DEEP,
                    "Node lists are nested more than "
                        + limits.maxNestingDepth()
                        + " deep here; flatten the blueprint or move the inner part into a"
                        + " workflow. Nothing else was checked."))
        .toList();
  }
}
