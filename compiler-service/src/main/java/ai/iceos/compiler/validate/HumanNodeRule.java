package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A human node's own rules (SPEC §1.3): a {@code choice} decision offers at least two {@code
 * choices} ({@code too-few-items}); {@code auto_approve_after} is less than {@code timeout_seconds}
 * when both are set ({@code out-of-range}), since it could never fire otherwise.
 */
final class HumanNodeRule implements BlueprintRule {

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      if (node.is(NodeType.HUMAN)) {
        choices(node, out);
        autoApprove(node, out);
      }
    }
    return out;
  }

  private static void choices(NodeEntry node, List<Violation> out) {
    if (!node.text("approval_type").filter("choice"::equals).isPresent()) {
      return;
    }
    int count = node.field("choices").filter(JsonNode::isArray).map(JsonNode::size).orElse(0);
    if (count < 2) {
      String pointer = node.field("choices").isPresent() ? node.pointer("choices") : node.pointer();
      String detail =
          node.label()
              + " asks for a choice but offers "
              + count
              + " 'choices'; a choice needs at least 2.";
      out.add(new Violation(pointer, TypeRules.TOO_FEW_ITEMS, detail));
    }
  }

  private static void autoApprove(NodeEntry node, List<Violation> out) {
    JsonNode after = node.field("auto_approve_after").orElse(null);
    JsonNode timeout = node.field("timeout_seconds").orElse(null);
    if (after == null
        || timeout == null
        || !after.isIntegralNumber()
        || !timeout.isIntegralNumber()
        || after.longValue() < timeout.longValue()) {
      return;
    }
    String detail =
        node.label()
            + ": field 'auto_approve_after' is "
            + after.asText()
            + " but must be less than 'timeout_seconds' ("
            + timeout.asText()
            + "), or the node times out before it could approve itself.";
    out.add(new Violation(node.pointer("auto_approve_after"), RangeRule.CODE, detail));
  }
}
