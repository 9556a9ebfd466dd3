package ai.iceos.compiler.validate;

import static ai.iceos.compiler.validate.JsonKind.ANY;
import static ai.iceos.compiler.validate.JsonKind.ARRAY;
import static ai.iceos.compiler.validate.JsonKind.BOOLEAN;
import static ai.iceos.compiler.validate.JsonKind.INTEGER;
import static ai.iceos.compiler.validate.JsonKind.NUMBER;
import static ai.iceos.compiler.validate.JsonKind.OBJECT;
import static ai.iceos.compiler.validate.JsonKind.STRING;
import static java.util.Map.entry;

import ai.iceos.contracts.blueprint.NodeType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every field a blueprint may contain and its JSON type (SPEC §1.1–§1.3). Fields outside these
 * tables are rejected as unknown.
 */
final class FieldCatalog {
  static final Map<String, JsonKind> TOP_LEVEL =
      ordered(
          entry("blueprint_id", STRING),
          entry("schema_version", STRING),
          entry("metadata", OBJECT),
          entry("nodes", ARRAY),
          entry("inputs", OBJECT),
          entry("failure_policy", STRING),
          entry("scheduling", STRING),
          entry("max_parallel", INTEGER),
          entry("limits", OBJECT),
          entry("cache", BOOLEAN));

  static final Map<String, JsonKind> LIMITS =
      ordered(
          entry("token_ceiling", INTEGER),
          entry("depth_ceiling", INTEGER),
          entry("budget_usd", NUMBER),
          entry("timeout_seconds", INTEGER),
          entry("max_llm_calls", INTEGER),
          entry("max_tool_executions", INTEGER),
          entry("max_agent_calls", INTEGER),
          entry("max_workflow_executions", INTEGER),
          entry("max_code_executions", INTEGER));

  static final Map<String, JsonKind> NODE_COMMON =
      ordered(
          entry("id", STRING),
          entry("type", STRING),
          entry("name", STRING),
          entry("dependencies", ARRAY),
          entry("timeout_seconds", INTEGER),
          entry("retries", INTEGER),
          entry("backoff_seconds", NUMBER),
          entry("retry_policy", OBJECT),
          entry("input_schema", OBJECT),
          entry("output_schema", OBJECT),
          entry("input_mappings", OBJECT),
          entry("output_mappings", OBJECT),
          entry("use_cache", BOOLEAN),
          entry("metadata", OBJECT),
          entry("provider", STRING));

  static final Map<String, JsonKind> RETRY_POLICY =
      ordered(
          entry("max_attempts", INTEGER),
          entry("backoff_strategy", STRING),
          entry("backoff_seconds", NUMBER));

  static final Map<String, JsonKind> INPUT_MAPPING =
      ordered(entry("source_node_id", STRING), entry("source_output_key", STRING));

  /** The fields of one member of a swarm's {@code agents}. */
  static final Map<String, JsonKind> SWARM_AGENT =
      ordered(entry("package", STRING), entry("role", STRING), entry("config_overrides", OBJECT));

  /**
   * The element kind of every array field whose elements are not node objects: ids and names are
   * strings, swarm agents objects, parallel branches arrays (of nodes).
   */
  static final Map<String, JsonKind> ELEMENTS =
      ordered(
          entry("dependencies", STRING),
          entry("tools", STRING),
          entry("true_branch", STRING),
          entry("false_branch", STRING),
          entry("branches", ARRAY),
          entry("recursive_sources", STRING),
          entry("imports", STRING),
          entry("choices", STRING),
          entry("alert_channels", STRING),
          entry("agents", OBJECT));

  private static final Map<NodeType, Map<String, JsonKind>> BY_TYPE = byType();

  private FieldCatalog() {}

  /** The fields specific to {@code type} (common fields excluded). */
  static Map<String, JsonKind> typeFields(NodeType type) {
    return BY_TYPE.get(type);
  }

  /** The kind of a node field, common or specific to {@code type}, if it is known. */
  static Optional<JsonKind> nodeField(NodeType type, String field) {
    JsonKind common = NODE_COMMON.get(field);
    return Optional.ofNullable(common != null ? common : BY_TYPE.get(type).get(field));
  }

  /** Whether any node type knows {@code field}; used when a node's type is unknown. */
  static boolean anyNodeField(String field) {
    return NODE_COMMON.containsKey(field)
        || BY_TYPE.values().stream().anyMatch(fields -> fields.containsKey(field));
  }

  private static Map<NodeType, Map<String, JsonKind>> byType() {
    Map<NodeType, Map<String, JsonKind>> types = new EnumMap<>(NodeType.class);
    types.put(NodeType.TOOL, ordered(entry("tool_name", STRING), entry("tool_args", OBJECT)));
    types.put(
        NodeType.LLM,
        ordered(
            entry("model", STRING),
            entry("prompt", STRING),
            entry("llm_config", OBJECT),
            entry("temperature", NUMBER),
            entry("max_tokens", INTEGER),
            entry("system", STRING),
            entry("response_format", STRING)));
    types.put(
        NodeType.AGENT,
        ordered(
            entry("package", STRING),
            entry("instructions", STRING),
            entry("tools", ARRAY),
            entry("model", STRING),
            entry("max_iterations", INTEGER),
            entry("llm_config", OBJECT)));
    types.put(
        NodeType.CONDITION,
        ordered(
            entry("expression", STRING),
            entry("true_path", ARRAY),
            entry("false_path", ARRAY),
            entry("true_branch", ARRAY),
            entry("false_branch", ARRAY)));
    types.put(
        NodeType.WORKFLOW,
        ordered(
            entry("workflow_ref", STRING),
            entry("exposed_outputs", OBJECT),
            entry("config_overrides", OBJECT)));
    types.put(
        NodeType.LOOP,
        ordered(
            entry("items_source", STRING),
            entry("body", ARRAY),
            entry("item_var", STRING),
            entry("max_iterations", INTEGER),
            entry("parallel", BOOLEAN)));
    types.put(
        NodeType.PARALLEL,
        ordered(
            entry("branches", ARRAY),
            entry("max_concurrency", INTEGER),
            entry("wait_strategy", STRING),
            entry("merge_outputs", BOOLEAN)));
    types.put(
        NodeType.RECURSIVE,
        ordered(
            entry("recursive_sources", ARRAY),
            entry("agent_package", STRING),
            entry("workflow_ref", STRING),
            entry("convergence_condition", STRING),
            entry("max_iterations", INTEGER),
            entry("preserve_context", BOOLEAN),
            entry("context_key", STRING)));
    types.put(
        NodeType.CODE,
        ordered(entry("code", STRING), entry("language", STRING), entry("imports", ARRAY)));
    types.put(
        NodeType.HUMAN,
        ordered(
            entry("prompt_message", STRING),
            entry("approval_type", STRING),
            entry("choices", ARRAY),
            entry("auto_approve_after", INTEGER),
            entry("escalation_path", ANY)));
    types.put(
        NodeType.MONITOR,
        ordered(
            entry("metric_expression", STRING),
            entry("action_on_trigger", STRING),
            entry("alert_channels", ARRAY),
            entry("check_interval_seconds", INTEGER)));
    types.put(
        NodeType.SWARM,
        ordered(
            entry("agents", ARRAY),
            entry("coordination_strategy", STRING),
            entry("max_rounds", INTEGER),
            entry("consensus_threshold", NUMBER)));
    return types;
  }

  @SafeVarargs
  private static Map<String, JsonKind> ordered(Map.Entry<String, JsonKind>... entries) {
    Map<String, JsonKind> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonKind> e : entries) {
      map.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(map);
  }
}
