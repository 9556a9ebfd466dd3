package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.List;

/**
 * {@code template-syntax}: a template or expression ({@link TemplateCollector}) that the template
 * language cannot parse (unclosed blocks, bad expressions, unknown tags, filters or tests).
 * Pointer: the string itself.
 */
final class TemplateSyntaxRule implements BlueprintRule {
  static final String CODE = "template-syntax";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    return document.templates().stream()
        .filter(template -> template.scan().syntaxError().isPresent())
        .map(
            template ->
                new Violation(
                    template.pointer(),
                    CODE,
                    template.node().label()
                        + ": "
                        + template.field()
                        + (template.expression()
                            ? " is not a valid expression ("
                            : " is not a valid template (")
                        + template.scan().syntaxError().orElseThrow()
                        + ")."))
        .toList();
  }
}
