package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;

/**
 * A node that runs a registered tool. {@code toolArgs} values may be templates (SPEC §1.4).
 *
 * @param toolName the registered tool's name
 * @param toolArgs arguments object; never null (empty when omitted)
 */
public record ToolNodeSpec(
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
    String toolName,
    JsonNode toolArgs)
    implements NodeSpec {
  public ToolNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    toolArgs = toolArgs == null ? JsonNodeFactory.instance.objectNode() : toolArgs.deepCopy();
  }

  /** A tool node with only the essentials, for tests and programmatic blueprints. */
  public static ToolNodeSpec of(String id, String toolName, JsonNode toolArgs, String... deps) {
    return new ToolNodeSpec(
        id,
        null,
        List.of(deps),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        toolName,
        toolArgs);
  }

  @Override
  public NodeType kind() {
    return NodeType.TOOL;
  }
}
