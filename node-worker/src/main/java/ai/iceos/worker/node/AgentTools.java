package ai.iceos.worker.node;

import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatCompletionResponse;
import ai.iceos.worker.llm.GatewayFailures;
import ai.iceos.worker.llm.LlmGatewayClient;
import ai.iceos.worker.llm.ToolDefinition;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What agent and swarm nodes share to run an {@link AgentLoop}: tools, checks, the model. */
final class AgentTools {
  private final ToolRegistry tools;
  private final SchemaValidator validator;

  AgentTools(ToolRegistry tools, SchemaValidator validator) {
    this.tools = tools;
    this.validator = validator;
  }

  /** The declared tools by name; one that is not registered fails the node permanently. */
  Map<String, Tool> declared(List<String> names) {
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

  /** The tools as OpenAI function tools (name, description, input schema as parameters). */
  static List<ToolDefinition> offered(Collection<Tool> declared) {
    return declared.stream()
        .map(tool -> ToolDefinition.function(tool.name(), tool.description(), tool.inputSchema()))
        .toList();
  }

  /** Runs a tool whose arguments match its input schema; a mismatch fails that call only. */
  Uni<JsonNode> run(Tool tool, JsonNode args, ToolContext context) {
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

  /** The gateway, attributing calls to the task, with errors classified as for llm nodes. */
  static Function<ChatCompletionRequest, Uni<ChatCompletionResponse>> model(
      LlmGatewayClient gateway, NodeTask task) {
    return request ->
        gateway
            .complete(task.orgId(), task.executionId(), task.nodeId(), request)
            .onFailure()
            .transform(error -> new NodeFailureException(GatewayFailures.classify(error)));
  }
}
