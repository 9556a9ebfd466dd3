package ai.iceos.compiler.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every template and expression of the nodes (SPEC §1.3, §1.4) and scans it once: templates
 * in llm {@code prompt}/{@code system}, agent {@code instructions}, human {@code prompt_message}
 * and every string inside tool {@code tool_args} and workflow {@code config_overrides}; expressions
 * in condition {@code expression}, monitor {@code metric_expression} and recursive {@code
 * convergence_condition}; a loop's {@code items_source} is a template when it contains a block,
 * else a dotted path (read as an expression).
 */
final class TemplateCollector {
  private final TemplateScanner.Batch batch;
  private final List<TemplateString> out = new ArrayList<>();

  TemplateCollector(TemplateScanner.Batch batch) {
    this.batch = batch;
  }

  List<TemplateString> collect(List<NodeEntry> nodes) {
    for (NodeEntry node : nodes) {
      node.type().ifPresent(type -> collect(node, type));
    }
    return List.copyOf(out);
  }

  private void collect(NodeEntry node, ai.iceos.contracts.blueprint.NodeType type) {
    switch (type) {
      case LLM -> {
        template(node, "prompt");
        template(node, "system");
      }
      case TOOL -> nested(node, "tool_args");
      case WORKFLOW -> nested(node, "config_overrides");
      case AGENT -> template(node, "instructions");
      case HUMAN -> template(node, "prompt_message");
      case CONDITION -> expression(node, "expression", true);
      case MONITOR -> expression(node, "metric_expression", false);
      case RECURSIVE -> expression(node, "convergence_condition", false);
      case LOOP -> itemsSource(node);
      case PARALLEL, CODE, SWARM -> {
        // No templates: code is JavaScript, swarm and parallel settings are literal.
      }
    }
  }

  private void template(NodeEntry node, String field) {
    node.text(field)
        .ifPresent(
            text ->
                out.add(
                    new TemplateString(
                        node, node.pointer(field), field, batch.scan(text), false, true)));
  }

  private void expression(NodeEntry node, String field, boolean scoped) {
    node.text(field)
        .ifPresent(
            text ->
                out.add(
                    new TemplateString(
                        node,
                        node.pointer(field),
                        field,
                        batch.scanExpression(text),
                        true,
                        scoped)));
  }

  private void itemsSource(NodeEntry node) {
    String field = "items_source";
    node.text(field)
        .ifPresent(
            text -> {
              if (TemplateScanner.isTemplate(text)) {
                template(node, field);
              } else {
                expression(node, field, true);
              }
            });
  }

  private void nested(NodeEntry node, String field) {
    node.field(field).ifPresent(value -> nested(node, value, node.pointer(field), field));
  }

  private void nested(NodeEntry node, JsonNode value, String pointer, String field) {
    if (value.isTextual()) {
      out.add(new TemplateString(node, pointer, field, batch.scan(value.asText()), false, true));
    } else if (value.isObject()) {
      value
          .properties()
          .forEach(
              e ->
                  nested(
                      node,
                      e.getValue(),
                      JsonPointer.child(pointer, e.getKey()),
                      field + "." + e.getKey()));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        nested(node, value.get(i), JsonPointer.child(pointer, i), field + "[" + i + "]");
      }
    }
  }
}
