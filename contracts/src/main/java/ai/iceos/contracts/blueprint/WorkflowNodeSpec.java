package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that runs another stored blueprint as a child execution (SPEC §2.6, §2.11); the child's
 * failure fails this node.
 *
 * @param workflowRef a stored blueprint id, optionally {@code id@version_lock}
 * @param exposedOutputs output name → dotted path into the child's {@code result.output}; never
 *     null
 * @param configOverrides merged into the child's inputs, or null
 */
public record WorkflowNodeSpec(
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
    String workflowRef,
    Map<String, String> exposedOutputs,
    JsonNode configOverrides)
    implements NodeSpec {
  public WorkflowNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    exposedOutputs = NodeFields.map(exposedOutputs);
    configOverrides = NodeFields.copy(configOverrides);
  }

  @Override
  public NodeType kind() {
    return NodeType.WORKFLOW;
  }
}
