package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code invalid-enum}: {@code failure_policy} (top level or {@code metadata.failure_policy}),
 * {@code scheduling}, {@code retry_policy.backoff_strategy} or an llm's {@code response_format}
 * outside its values.
 */
final class EnumValueRule implements BlueprintRule {
  static final String CODE = "invalid-enum";

  static final List<String> FAILURE_POLICIES =
      List.of("halt_on_first_error", "continue_if_possible", "always_continue");
  static final List<String> SCHEDULINGS = List.of("level", "eager");
  static final List<String> BACKOFF_STRATEGIES = List.of("fixed", "linear", "exponential");
  static final List<String> RESPONSE_FORMATS = List.of("text", "json");

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    String blueprint = "The blueprint's";
    value(
        document.field("failure_policy"),
        "/failure_policy",
        "failure_policy",
        FAILURE_POLICIES,
        blueprint,
        out);
    value(
        document.field("metadata").map(m -> m.get("failure_policy")),
        "/metadata/failure_policy",
        "metadata.failure_policy",
        FAILURE_POLICIES,
        blueprint,
        out);
    value(document.field("scheduling"), "/scheduling", "scheduling", SCHEDULINGS, blueprint, out);
    for (NodeEntry node : document.nodes()) {
      String subject = node.label() + ":";
      value(
          node.field("retry_policy").map(p -> p.get("backoff_strategy")),
          JsonPointer.child(node.pointer("retry_policy"), "backoff_strategy"),
          "retry_policy.backoff_strategy",
          BACKOFF_STRATEGIES,
          subject,
          out);
      if (node.type().filter(NodeType.LLM::equals).isPresent()) {
        value(
            node.field("response_format"),
            node.pointer("response_format"),
            "response_format",
            RESPONSE_FORMATS,
            subject,
            out);
      }
    }
    return out;
  }

  private static void value(
      Optional<JsonNode> value,
      String pointer,
      String field,
      List<String> allowed,
      String subject,
      List<Violation> out) {
    value
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .filter(text -> !allowed.contains(text))
        .ifPresent(
            text ->
                out.add(
                    new Violation(
                        pointer,
                        CODE,
                        subject
                            + " field '"
                            + field
                            + "' is '"
                            + text
                            + "' but must be one of "
                            + String.join(", ", allowed)
                            + ".")));
  }
}
