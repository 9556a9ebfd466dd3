package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that runs its body once per item of a list (SPEC §2.6), in order or, with {@code
 * parallel}, fanned out as tasks; its output is the list of the last body node's output per item.
 *
 * @param itemsSource a template or dotted path that resolves to a list
 * @param body nodes run per item; never null
 * @param itemVar scope name of the current item, or null for {@code item}
 * @param maxIterations items processed at most, or null for all
 * @param parallel fan the items out at once, or null for false
 */
public record LoopNodeSpec(
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
    String itemsSource,
    List<NodeSpec> body,
    String itemVar,
    Integer maxIterations,
    Boolean parallel)
    implements NodeSpec {
  public LoopNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    body = NodeFields.list(body);
  }

  @Override
  public NodeType kind() {
    return NodeType.LOOP;
  }

  @Override
  public List<List<NodeSpec>> children() {
    return List.of(body);
  }
}
