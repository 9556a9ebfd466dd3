package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code invalid-enum}: {@code failure_policy} (top level or {@code metadata.failure_policy}),
 * {@code scheduling}, {@code retry_policy.backoff_strategy}, a node type's enum field (llm {@code
 * response_format}, human {@code approval_type}, monitor {@code action_on_trigger} and each of its
 * {@code alert_channels}, swarm {@code coordination_strategy}, parallel {@code wait_strategy}, code
 * {@code language}) outside its values.
 */
final class EnumValueRule implements BlueprintRule {
  static final String CODE = "invalid-enum";

  static final List<String> FAILURE_POLICIES =
      List.of("halt_on_first_error", "continue_if_possible", "always_continue");
  static final List<String> SCHEDULINGS = List.of("level", "eager");
  static final List<String> BACKOFF_STRATEGIES = List.of("fixed", "linear", "exponential");
  static final List<String> ALERT_CHANNELS =
      List.of("email", "slack", "webhook", "sms", "dashboard");

  /** Per node type: the enum fields and their values (SPEC §1.3). */
  private static final Map<NodeType, Map<String, List<String>>> BY_TYPE =
      Map.of(
          NodeType.LLM, Map.of("response_format", List.of("text", "json")),
          NodeType.HUMAN,
              Map.of("approval_type", List.of("approve_reject", "input_required", "choice")),
          NodeType.MONITOR, Map.of("action_on_trigger", List.of("alert_only", "pause", "abort")),
          NodeType.SWARM,
              Map.of("coordination_strategy", List.of("consensus", "hierarchical", "marketplace")),
          NodeType.PARALLEL, Map.of("wait_strategy", List.of("all", "any", "race")),
          NodeType.CODE, Map.of("language", List.of("javascript", "python")));

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
      node.type()
          .map(type -> BY_TYPE.getOrDefault(type, Map.of()))
          .orElse(Map.of())
          .forEach(
              (field, allowed) ->
                  value(node.field(field), node.pointer(field), field, allowed, subject, out));
      if (node.is(NodeType.MONITOR)) {
        for (NodeEntry.Dependency channel : node.strings("alert_channels")) {
          value(
              Optional.of(TextNode.valueOf(channel.id())),
              channel.pointer(),
              "alert_channels[" + channel.index() + "]",
              ALERT_CHANNELS,
              subject,
              out);
        }
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
