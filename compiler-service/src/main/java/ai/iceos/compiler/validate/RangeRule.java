package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code out-of-range}: a number outside its allowed range (SPEC §1.1–§1.3). Integer fields are
 * also bounded by the 32-bit range the plan stores them in ({@code token_ceiling}: 64-bit).
 */
final class RangeRule implements BlueprintRule {
  static final String CODE = "out-of-range";

  /**
   * Inclusive bounds; {@code max} null means unbounded. An integer range ignores non-integral
   * values: those are {@link JsonTypeRule}'s.
   */
  private record Range(BigDecimal min, BigDecimal max, boolean integral, boolean spanned) {
    /** A range the format defines on both ends, such as max_parallel 1..1000. */
    static Range integer(long min, long max) {
      return new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max), true, true);
    }

    /** A lower bound from the format; the upper one is only what the plan can store. */
    static Range atLeast(long min, long storable) {
      return new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(storable), true, false);
    }

    static Range atLeast(long min) {
      return atLeast(min, Integer.MAX_VALUE);
    }

    static Range number(double min, double max) {
      return new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max), false, true);
    }

    static Range nonNegativeNumber() {
      return new Range(BigDecimal.ZERO, null, false, false);
    }

    boolean applies(JsonNode value) {
      return integral ? value.isIntegralNumber() : value.isNumber();
    }

    boolean contains(BigDecimal value) {
      return value.compareTo(min) >= 0 && (max == null || value.compareTo(max) <= 0);
    }

    /** What the value must be: the span, or the bound it crossed. */
    String describe(BigDecimal value) {
      if (spanned) {
        return "between " + plain(min) + " and " + plain(max);
      }
      return value.compareTo(min) < 0 ? "at least " + plain(min) : "at most " + plain(max);
    }

    private static String plain(BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
  }

  private static final Map<String, Range> TOP_LEVEL =
      Map.of("max_parallel", Range.integer(1, 1000));

  private static final Map<String, Range> LIMITS =
      Map.of(
          "token_ceiling", Range.atLeast(0, Long.MAX_VALUE),
          "depth_ceiling", Range.atLeast(0),
          "budget_usd", Range.nonNegativeNumber(),
          "timeout_seconds", Range.atLeast(0),
          "max_llm_calls", Range.atLeast(0),
          "max_tool_executions", Range.atLeast(0),
          "max_agent_calls", Range.atLeast(0),
          "max_workflow_executions", Range.atLeast(0),
          "max_code_executions", Range.atLeast(0));

  /** {@code retries} stops one short of the int maximum because it becomes {@code retries + 1}. */
  private static final Map<String, Range> NODE =
      Map.of(
          "timeout_seconds", Range.atLeast(1),
          "retries", Range.atLeast(0, Integer.MAX_VALUE - 1L),
          "backoff_seconds", Range.nonNegativeNumber());

  private static final Map<NodeType, Map<String, Range>> BY_TYPE =
      Map.of(
          NodeType.LLM, Map.of("temperature", Range.number(0, 2), "max_tokens", Range.atLeast(1)),
          NodeType.AGENT, Map.of("max_iterations", Range.atLeast(1)),
          NodeType.LOOP, Map.of("max_iterations", Range.atLeast(1)),
          NodeType.PARALLEL, Map.of("max_concurrency", Range.atLeast(1)),
          NodeType.RECURSIVE, Map.of("max_iterations", Range.atLeast(1)),
          NodeType.HUMAN, Map.of("auto_approve_after", Range.atLeast(0)),
          NodeType.MONITOR, Map.of("check_interval_seconds", Range.atLeast(1)),
          NodeType.SWARM,
              Map.of("max_rounds", Range.atLeast(1), "consensus_threshold", Range.number(0.5, 1)));

  private static final Map<String, Range> RETRY_POLICY =
      Map.of("max_attempts", Range.atLeast(1), "backoff_seconds", Range.nonNegativeNumber());

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    fields(Optional.of(document.root()), "", TOP_LEVEL, "The blueprint's", out);
    fields(document.field("limits"), "/limits", LIMITS, "Limits'", out);
    for (NodeEntry node : document.nodes()) {
      String subject = node.label() + ":";
      fields(Optional.of(node.json()), node.pointer(), NODE, subject, out);
      node.type()
          .map(BY_TYPE::get)
          .ifPresent(
              ranges -> fields(Optional.of(node.json()), node.pointer(), ranges, subject, out));
      fields(
          node.field("retry_policy"),
          node.pointer("retry_policy"),
          RETRY_POLICY,
          subject + " retry_policy",
          out);
    }
    return out;
  }

  private static void fields(
      Optional<JsonNode> object,
      String pointer,
      Map<String, Range> ranges,
      String subject,
      List<Violation> out) {
    object
        .filter(JsonNode::isObject)
        .ifPresent(
            json ->
                json.properties()
                    .forEach(
                        e -> {
                          Range range = ranges.get(e.getKey());
                          if (range != null
                              && range.applies(e.getValue())
                              && !range.contains(e.getValue().decimalValue())) {
                            String detail =
                                subject
                                    + " field '"
                                    + e.getKey()
                                    + "' is "
                                    + e.getValue().asText()
                                    + " but must be "
                                    + range.describe(e.getValue().decimalValue())
                                    + ".";
                            out.add(
                                new Violation(
                                    JsonPointer.child(pointer, e.getKey()), CODE, detail));
                          }
                        }));
  }
}
