package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One node of a blueprint, as submitted (SPEC §1.2, §1.3). The wire discriminator is {@code type}.
 * Fields a user may omit are {@code null} here; the compiler resolves defaults into the {@link
 * ai.iceos.contracts.plan.PlannedNode} rather than rewriting the user's node.
 *
 * <p>Validation (unknown fields, ranges, references) is the compiler's job and happens on the
 * submitted JSON tree, so that every problem carries a pointer; this model is bound only after a
 * blueprint is valid.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ToolNodeSpec.class, name = "tool"),
  @JsonSubTypes.Type(value = LlmNodeSpec.class, name = "llm"),
  @JsonSubTypes.Type(value = AgentNodeSpec.class, name = "agent"),
  @JsonSubTypes.Type(value = ConditionNodeSpec.class, name = "condition"),
  @JsonSubTypes.Type(value = WorkflowNodeSpec.class, name = "workflow"),
  @JsonSubTypes.Type(value = LoopNodeSpec.class, name = "loop"),
  @JsonSubTypes.Type(value = ParallelNodeSpec.class, name = "parallel"),
  @JsonSubTypes.Type(value = RecursiveNodeSpec.class, name = "recursive"),
  @JsonSubTypes.Type(value = CodeNodeSpec.class, name = "code"),
  @JsonSubTypes.Type(value = HumanNodeSpec.class, name = "human"),
  @JsonSubTypes.Type(value = MonitorNodeSpec.class, name = "monitor"),
  @JsonSubTypes.Type(value = SwarmNodeSpec.class, name = "swarm")
})
public sealed interface NodeSpec
    permits ToolNodeSpec,
        LlmNodeSpec,
        AgentNodeSpec,
        ConditionNodeSpec,
        WorkflowNodeSpec,
        LoopNodeSpec,
        ParallelNodeSpec,
        RecursiveNodeSpec,
        CodeNodeSpec,
        HumanNodeSpec,
        MonitorNodeSpec,
        SwarmNodeSpec {
  /** Unique in the blueprint, nested nodes included. */
  String id();

  /** Display name, or null. */
  String name();

  /** Ids of the nodes this one waits for; never null. */
  List<String> dependencies();

  /** Per-attempt timeout in seconds, or null for the default (30). */
  Integer timeoutSeconds();

  /** Legacy retry count, or null. */
  Integer retries();

  /** Legacy fixed backoff in seconds, or null. */
  Double backoffSeconds();

  /** Retry settings, or null. */
  RetryPolicy retryPolicy();

  /** JSON Schema (or simple map form) of the node's inputs, or null. */
  JsonNode inputSchema();

  /** JSON Schema (or simple map form) of the node's output, or null. */
  JsonNode outputSchema();

  /** Names bound from direct dependencies' outputs; never null. */
  Map<String, InputMapping> inputMappings();

  /** Aliases added to the node's own output: alias → dotted path; never null. */
  Map<String, String> outputMappings();

  /** Whether the output cache may serve this node, or null for the default (true). */
  Boolean useCache();

  /** Free-form metadata, or null. */
  JsonNode metadata();

  /** Provider hint, or null. */
  String provider();

  /** The node's type; the same as the wire discriminator. */
  @JsonIgnore
  NodeType kind();

  /**
   * The nested node lists of this node, for walkers: a condition's true and false paths, a loop's
   * body, each branch of a parallel node; empty for every other type.
   */
  @JsonIgnore
  default List<List<NodeSpec>> children() {
    return List.of();
  }
}
