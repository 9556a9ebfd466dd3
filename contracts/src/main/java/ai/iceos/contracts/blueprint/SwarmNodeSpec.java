package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that coordinates several agents for at most {@code maxRounds} rounds (SPEC §2.6).
 *
 * @param agents at least two, with unique roles; never null
 * @param coordinationStrategy how they cooperate, or null for {@code consensus}
 * @param maxRounds rounds at most, or null for 10
 * @param consensusThreshold agreement needed under consensus (0.5..1), or null for 0.75
 */
public record SwarmNodeSpec(
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
    List<SwarmAgent> agents,
    CoordinationStrategy coordinationStrategy,
    Integer maxRounds,
    Double consensusThreshold)
    implements NodeSpec {
  public SwarmNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    agents = NodeFields.list(agents);
  }

  /** A root swarm node with default common fields (null = the documented default). */
  public static SwarmNodeSpec of(
      String id,
      List<SwarmAgent> agents,
      CoordinationStrategy coordinationStrategy,
      Integer maxRounds,
      Double consensusThreshold) {
    return new SwarmNodeSpec(
        id,
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
        null,
        null,
        agents,
        coordinationStrategy,
        maxRounds,
        consensusThreshold);
  }

  @Override
  public NodeType kind() {
    return NodeType.SWARM;
  }
}
