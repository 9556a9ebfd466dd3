package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.List;

/**
 * {@code template-syntax}: an llm {@code prompt}/{@code system} or a string in a tool's {@code
 * tool_args} that the template language cannot parse (unclosed blocks, bad expressions, unknown
 * tags, filters or tests). Pointer: the string itself.
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
                        + " is not a valid template ("
                        + template.scan().syntaxError().orElseThrow()
                        + ")."))
        .toList();
  }
}
