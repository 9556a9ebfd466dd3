package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.AgentNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.agent.AgentDefinition;
import ai.iceos.worker.agent.AgentRegistry;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatMessage;
import ai.iceos.worker.llm.LlmGatewayClient;
import ai.iceos.worker.llm.ToolDefinition;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Runs an {@code agent} node with {@link AgentLoop}. The agent is the registered {@code package} or
 * the node's inline {@code instructions} and {@code tools}; the node's {@code model} wins over the
 * package's. The system message is the instructions; the user message is the node's scope (its
 * resolved inputs and dependency outputs) as JSON text.
 */
@Singleton
public final class AgentNodeExecutor implements NodeExecutor<AgentNodeSpec> {
  static final int DEFAULT_MAX_ITERATIONS = 10;
  static final String UNKNOWN_AGENT = "unknown-agent";

  private final LlmGatewayClient gateway;
  private final AgentTools tools;
  private final AgentRegistry agents;

  AgentNodeExecutor(
      @RestClient LlmGatewayClient gateway,
      ToolRegistry tools,
      AgentRegistry agents,
      SchemaValidator validator) {
    this.gateway = gateway;
    this.tools = new AgentTools(tools, validator);
    this.agents = agents;
  }

  @Override
  public Uni<NodeResult> execute(AgentNodeSpec node, NodeTask task) {
    AgentDefinition agent =
        node.agentPackage() == null ? null : definition(agents, node.agentPackage());
    String instructions = agent != null ? agent.instructions() : node.instructions();
    List<String> names = agent != null && node.tools().isEmpty() ? agent.tools() : node.tools();
    String model = node.model() != null ? node.model() : agent == null ? null : agent.model();
    Map<String, Tool> declared = tools.declared(names);
    List<ChatMessage> messages =
        instructions == null
            ? List.of(ChatMessage.user(task.scope().toString()))
            : List.of(ChatMessage.system(instructions), ChatMessage.user(task.scope().toString()));
    List<ToolDefinition> offered = AgentTools.offered(declared.values());
    ToolContext context = ToolNodeExecutor.contextOf(task);
    int maxIterations =
        node.maxIterations() != null ? node.maxIterations() : DEFAULT_MAX_ITERATIONS;
    AgentLoop loop =
        new AgentLoop(
            AgentTools.model(gateway, task),
            (tool, args) -> tools.run(tool, args, context),
            declared,
            maxIterations);
    return loop.run(ChatCompletionRequest.agent(model, messages, node.llmConfig(), offered));
  }

  static AgentDefinition definition(AgentRegistry agents, String packageName) {
    return agents
        .find(packageName)
        .orElseThrow(
            () ->
                new NodeFailureException(
                    Failure.permanent(
                        UNKNOWN_AGENT, "Agent package '" + packageName + "' is not registered")));
  }
}
