package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that re-runs its sources and itself until a convergence condition holds or {@code
 * maxIterations} is reached (SPEC §2.6, §2.11); the only way a cycle is allowed.
 *
 * @param recursiveSources ids of the other cycle members; never null
 * @param agentPackage agent run per iteration (exactly one of this and {@code workflowRef})
 * @param workflowRef blueprint run per iteration
 * @param convergenceCondition expression checked after each iteration, or null
 * @param maxIterations iterations at most, or null for 50
 * @param preserveContext carry context across iterations, or null for true
 * @param contextKey scope name of the carried context, or null for {@code recursive_context}
 */
public record RecursiveNodeSpec(
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
    List<String> recursiveSources,
    String agentPackage,
    String workflowRef,
    String convergenceCondition,
    Integer maxIterations,
    Boolean preserveContext,
    String contextKey)
    implements NodeSpec {
  public RecursiveNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    recursiveSources = NodeFields.list(recursiveSources);
  }

  @Override
  public NodeType kind() {
    return NodeType.RECURSIVE;
  }
}
