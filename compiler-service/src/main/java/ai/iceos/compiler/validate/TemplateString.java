package ai.iceos.compiler.validate;

/**
 * A template found in a node: an llm {@code prompt}/{@code system}, or a string anywhere inside a
 * tool's {@code tool_args}.
 *
 * @param node the node it belongs to
 * @param pointer where it is in the submitted document
 * @param field its dotted location inside the node, for details ({@code tool_args.query})
 * @param scan what static analysis found in it
 */
record TemplateString(NodeEntry node, String pointer, String field, TemplateScan scan) {}
