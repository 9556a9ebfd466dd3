package ai.iceos.compiler.validate;

/**
 * A template or expression found in a node: an llm {@code prompt}/{@code system}, a string anywhere
 * inside a tool's {@code tool_args}, a condition's {@code expression}, a loop's {@code
 * items_source}…
 *
 * @param node the node it belongs to
 * @param pointer where it is in the submitted document
 * @param field its dotted location inside the node, for details ({@code tool_args.query})
 * @param scan what static analysis found in it
 * @param expression true for an expression without braces, false for a template
 * @param scoped true when the names it reads must be in the node's scope; false for expressions
 *     over names the runtime provides (a monitor's metrics, a recursive node's iteration state)
 */
record TemplateString(
    NodeEntry node,
    String pointer,
    String field,
    TemplateScan scan,
    boolean expression,
    boolean scoped) {

  /** "a template" or "an expression", for details. */
  String noun() {
    return expression ? "an expression" : "a template";
  }
}
