package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that runs an agent: an LLM tool-calling loop through llm-gateway, calling only its
 * declared tools, at most {@code maxIterations} times (SPEC §2.6). Either {@code agentPackage}
 * names a registered agent definition, or {@code instructions} and {@code tools} define one inline.
 *
 * @param agentPackage registered agent definition, or null for an inline agent
 * @param instructions system instructions of an inline agent, or null
 * @param tools names of the tools the agent may call; never null
 * @param model model name, or null for the agent definition's or the default
 * @param maxIterations tool-call rounds at most, or null for 10
 * @param llmConfig provider settings (temperature, max_tokens, …), or null
 */
public record AgentNodeSpec(
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
    @JsonProperty("package") String agentPackage,
    String instructions,
    List<String> tools,
    String model,
    Integer maxIterations,
    JsonNode llmConfig)
    implements NodeSpec {
  public AgentNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    tools = NodeFields.list(tools);
    llmConfig = NodeFields.copy(llmConfig);
  }

  @Override
  public NodeType kind() {
    return NodeType.AGENT;
  }
}
