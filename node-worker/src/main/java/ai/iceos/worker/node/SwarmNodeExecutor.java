package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.SwarmAgent;
import ai.iceos.contracts.blueprint.SwarmNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.agent.AgentDefinition;
import ai.iceos.worker.agent.AgentRegistry;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatMessage;
import ai.iceos.worker.llm.LlmGatewayClient;
import ai.iceos.worker.llm.ToolDefinition;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.swarm.AgentAnswer;
import ai.iceos.worker.swarm.AgentTurns;
import ai.iceos.worker.swarm.Swarm;
import ai.iceos.worker.swarm.SwarmMember;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Runs a {@code swarm} node with {@link Swarm}. Each member is its registered agent {@code package}
 * with {@code config_overrides} over it ({@code instructions}, {@code model}, {@code tools}, {@code
 * max_iterations}, and the llm settings {@code temperature}, {@code max_tokens}, {@code top_p},
 * {@code stop_sequences}); each turn of a member is a whole {@link AgentLoop} run through the
 * gateway with its tools. The task is the node's scope as JSON text. Unknown packages and tools
 * fail the node permanently before any model call.
 */
@Singleton
public final class SwarmNodeExecutor implements NodeExecutor<SwarmNodeSpec> {
  private final LlmGatewayClient gateway;
  private final AgentTools tools;
  private final AgentRegistry agents;

  SwarmNodeExecutor(
      @RestClient LlmGatewayClient gateway,
      ToolRegistry tools,
      AgentRegistry agents,
      SchemaValidator validator) {
    this.gateway = gateway;
    this.tools = new AgentTools(tools, validator);
    this.agents = agents;
  }

  @Override
  public Uni<NodeResult> execute(SwarmNodeSpec node, NodeTask task) {
    Map<String, Resolved> byRole = new LinkedHashMap<>();
    List<SwarmMember> members = new ArrayList<>();
    for (SwarmAgent agent : node.agents()) {
      Resolved resolved = resolve(agent);
      if (byRole.putIfAbsent(agent.role(), resolved) != null) {
        throw new NodeFailureException(
            Failure.permanent(
                ToolNodeExecutor.VALIDATION,
                "Swarm role '" + agent.role() + "' is used by more than one agent"));
      }
      members.add(new SwarmMember(agent.role(), agent.agentPackage(), resolved.instructions()));
    }
    if (members.size() < 2) {
      throw new NodeFailureException(
          Failure.permanent(ToolNodeExecutor.VALIDATION, "A swarm needs at least 2 agents"));
    }
    ToolContext context = ToolNodeExecutor.contextOf(task);
    AgentTurns turns =
        (member, system, user) -> turn(byRole.get(member.role()), task, context, system, user);
    return Swarm.coordinate(node, members, task.scope().toString(), turns);
  }

  private Uni<AgentAnswer> turn(
      Resolved agent, NodeTask task, ToolContext context, String system, String user) {
    AgentLoop loop =
        new AgentLoop(
            AgentTools.model(gateway, task),
            (tool, args) -> tools.run(tool, args, context),
            agent.tools(),
            agent.maxIterations());
    List<ChatMessage> messages = List.of(ChatMessage.system(system), ChatMessage.user(user));
    return loop.run(
            ChatCompletionRequest.agent(agent.model(), messages, agent.config(), agent.offered()))
        .map(
            result -> {
              JsonNode message = result.output().path("message");
              return new AgentAnswer(
                  message.isTextual() ? message.textValue() : "", result.usage());
            });
  }

  private Resolved resolve(SwarmAgent agent) {
    AgentDefinition definition = AgentNodeExecutor.definition(agents, agent.agentPackage());
    JsonNode overrides = agent.configOverrides();
    String instructions = text(overrides, "instructions", definition.instructions());
    String model = text(overrides, "model", definition.model());
    List<String> names = definition.tools();
    JsonNode listed = overrides == null ? null : overrides.get("tools");
    if (listed != null && listed.isArray()) {
      names = new ArrayList<>();
      for (JsonNode name : listed) {
        names.add(name.asText());
      }
    }
    JsonNode iterations = overrides == null ? null : overrides.get("max_iterations");
    int maxIterations =
        iterations != null && iterations.canConvertToInt() && iterations.intValue() >= 1
            ? iterations.intValue()
            : AgentNodeExecutor.DEFAULT_MAX_ITERATIONS;
    Map<String, Tool> declared = tools.declared(names);
    return new Resolved(
        instructions,
        model,
        declared,
        AgentTools.offered(declared.values()),
        maxIterations,
        overrides);
  }

  private static String text(JsonNode overrides, String field, String fallback) {
    JsonNode value = overrides == null ? null : overrides.get(field);
    return value != null && value.isTextual() ? value.textValue() : fallback;
  }

  /** A member's agent with its overrides applied. */
  private record Resolved(
      String instructions,
      String model,
      Map<String, Tool> tools,
      List<ToolDefinition> offered,
      int maxIterations,
      JsonNode config) {}
}
