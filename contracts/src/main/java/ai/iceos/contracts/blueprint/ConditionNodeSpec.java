package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that evaluates a boolean expression (SPEC §1.4, §2.5). In the nested form the chosen path
 * runs as a sub-graph of this node; in the era-1 form {@code trueBranch}/{@code falseBranch} name
 * ordinary nodes of the blueprint, and the path not taken is skipped.
 *
 * @param expression an expression without braces that yields a boolean
 * @param truePath nodes run when the expression holds; never null
 * @param falsePath nodes run otherwise; never null
 * @param trueBranch era-1: ids skipped unless the expression holds; never null
 * @param falseBranch era-1: ids skipped if the expression holds; never null
 */
public record ConditionNodeSpec(
    String id,
    String name,
    List<String> dependencies,
    Integer timeoutSeconds,
    Integer retries,
    Double backoffSeconds,
    RetryPolicy retryPolicy,
    JsonNode inputSchema,
    JsonNode outputSchema,
    Map<String, InputMapping> inputMappings,
    Map<String, String> outputMappings,
    Boolean useCache,
    JsonNode metadata,
    String provider,
    String expression,
    List<NodeSpec> truePath,
    List<NodeSpec> falsePath,
    List<String> trueBranch,
    List<String> falseBranch)
    implements NodeSpec {
  public ConditionNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    truePath = NodeFields.list(truePath);
    falsePath = NodeFields.list(falsePath);
    trueBranch = NodeFields.list(trueBranch);
    falseBranch = NodeFields.list(falseBranch);
  }

  @Override
  public NodeType kind() {
    return NodeType.CONDITION;
  }

  @Override
  public List<List<NodeSpec>> children() {
    return List.of(truePath, falsePath);
  }
}
