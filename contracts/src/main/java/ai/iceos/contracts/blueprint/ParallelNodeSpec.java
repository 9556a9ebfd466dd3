package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that runs branches concurrently (SPEC §2.6); output {@code {branch_results,
 * completed_branches, strategy, merged}}.
 *
 * @param branches each branch a list of nested nodes; never null
 * @param maxConcurrency branches running at once, or null for all
 * @param waitStrategy when the node is done, or null for {@code all}
 * @param mergeOutputs merge branch outputs into {@code merged}, or null for true
 */
public record ParallelNodeSpec(
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
    List<List<NodeSpec>> branches,
    Integer maxConcurrency,
    WaitStrategy waitStrategy,
    Boolean mergeOutputs)
    implements NodeSpec {
  public ParallelNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    branches = branches == null ? List.of() : branches.stream().map(List::copyOf).toList();
  }

  @Override
  public NodeType kind() {
    return NodeType.PARALLEL;
  }

  @Override
  public List<List<NodeSpec>> children() {
    return branches;
  }
}
