package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.AgentNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.agent.AgentDefinition;
import ai.iceos.worker.agent.AgentRegistry;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatMessage;
import ai.iceos.worker.llm.GatewayFailures;
import ai.iceos.worker.llm.LlmGatewayClient;
import ai.iceos.worker.llm.ToolDefinition;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
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
  private final ToolRegistry tools;
  private final AgentRegistry agents;
  private final SchemaValidator validator;

  AgentNodeExecutor(
      @RestClient LlmGatewayClient gateway,
      ToolRegistry tools,
      AgentRegistry agents,
      SchemaValidator validator) {
    this.gateway = gateway;
    this.tools = tools;
    this.agents = agents;
    this.validator = validator;
  }

  @Override
  public Uni<NodeResult> execute(AgentNodeSpec node, NodeTask task) {
    AgentDefinition agent = node.agentPackage() == null ? null : definition(node.agentPackage());
    String instructions = agent != null ? agent.instructions() : node.instructions();
    List<String> names = agent != null && node.tools().isEmpty() ? agent.tools() : node.tools();
    String model = node.model() != null ? node.model() : agent == null ? null : agent.model();
    Map<String, Tool> declared = declared(names);
    List<ChatMessage> messages =
        instructions == null
            ? List.of(ChatMessage.user(task.scope().toString()))
            : List.of(ChatMessage.system(instructions), ChatMessage.user(task.scope().toString()));
    List<ToolDefinition> offered =
        declared.values().stream()
            .map(
                tool ->
                    ToolDefinition.function(tool.name(), tool.description(), tool.inputSchema()))
            .toList();
    ToolContext context = ToolNodeExecutor.contextOf(task);
    int maxIterations =
        node.maxIterations() != null ? node.maxIterations() : DEFAULT_MAX_ITERATIONS;
    AgentLoop loop =
        new AgentLoop(
            request ->
                gateway
                    .complete(task.orgId(), task.executionId(), task.nodeId(), request)
                    .onFailure()
                    .transform(error -> new NodeFailureException(GatewayFailures.classify(error))),
            (tool, args) -> run(tool, args, context),
            declared,
            maxIterations);
    return loop.run(ChatCompletionRequest.agent(model, messages, node.llmConfig(), offered));
  }

  private AgentDefinition definition(String packageName) {
    return agents
        .find(packageName)
        .orElseThrow(
            () ->
                new NodeFailureException(
                    Failure.permanent(
                        UNKNOWN_AGENT, "Agent package '" + packageName + "' is not registered")));
  }

  /** The declared tools by name; one that is not registered fails the node permanently. */
  private Map<String, Tool> declared(List<String> names) {
    Map<String, Tool> declared = new LinkedHashMap<>();
    for (String name : names) {
      Tool tool =
          tools
              .find(name)
              .orElseThrow(
                  () ->
                      new NodeFailureException(
                          Failure.permanent(
                              ToolNodeExecutor.UNKNOWN_TOOL,
                              "Tool '" + name + "' is not registered")));
      declared.put(name, tool);
    }
    return declared;
  }

  /** Runs a tool whose arguments match its input schema; a mismatch fails that call only. */
  private Uni<JsonNode> run(Tool tool, JsonNode args, ToolContext context) {
    List<String> problems = validator.validate(tool.inputSchema(), args);
    if (!problems.isEmpty()) {
      return Uni.createFrom()
          .failure(
              new IllegalArgumentException(
                  "Input validation failed for tool '"
                      + tool.name()
                      + "': "
                      + String.join("; ", problems)));
    }
    return tool.execute(args, context);
  }
}
