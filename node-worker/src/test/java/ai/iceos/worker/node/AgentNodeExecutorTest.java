package ai.iceos.worker.node;

import static ai.iceos.worker.node.Tasks.json;
import static ai.iceos.worker.node.Tasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.blueprint.AgentNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.worker.agent.AgentDefinition;
import ai.iceos.worker.agent.AgentRegistry;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatCompletionResponse;
import ai.iceos.worker.llm.ChatMessage;
import ai.iceos.worker.llm.LlmGatewayClient;
import ai.iceos.worker.llm.ToolCall;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentNodeExecutorTest {
  private final List<ChatCompletionRequest> sent = new ArrayList<>();
  private final Deque<ChatMessage> answers = new ArrayDeque<>();
  private final AtomicInteger secretRuns = new AtomicInteger();
  private final LlmGatewayClient gateway =
      (org, execution, node, request) -> {
        sent.add(request);
        ChatMessage next = answers.size() == 1 ? answers.peek() : answers.poll();
        return Uni.createFrom()
            .item(
                new ChatCompletionResponse(
                    "c" + sent.size(),
                    "echo-1",
                    List.of(new ChatCompletionResponse.Choice(0, next, "stop")),
                    new ChatCompletionResponse.TokenUsage(3, 4, 7, null)));
      };
  private final AgentNodeExecutor executor =
      new AgentNodeExecutor(
          gateway,
          new ToolRegistry(
              List.of(
                  new TestTool("upper", args -> json("{\"text\": \"HI\"}")),
                  new TestTool(
                      "secret",
                      args -> {
                        secretRuns.incrementAndGet();
                        return json("{\"leaked\": true}");
                      }))),
          new AgentRegistry(List.of(new UpperAgent())),
          new SchemaValidator());

  @Test
  void shouldRunTheCalledToolAndAnswerWithTheModelsFinalMessage() {
    answers.add(call("upper", "{\"text\": \"hi\"}"));
    answers.add(new ChatMessage("assistant", "It says HI"));

    NodeResult result = run(inline(List.of("upper"), null));

    assertThat(result.output())
        .isEqualTo(
            json(
                "{\"message\": \"It says HI\", \"reasoning\": \"calling\", \"tool_calls\":"
                    + " [{\"tool\": \"upper\", \"arguments\": {\"text\": \"hi\"}, \"result\":"
                    + " {\"text\": \"HI\"}}], \"iterations\": 2}"));
    assertThat(result.usage().llmCalls()).isEqualTo(2);
    ChatCompletionRequest first = sent.get(0);
    assertThat(first.toolChoice()).isEqualTo("auto");
    assertThat(first.tools()).hasSize(1);
    assertThat(first.tools().get(0).function().name()).isEqualTo("upper");
    assertThat(first.tools().get(0).function().parameters())
        .isEqualTo(json("{\"type\": \"object\"}"));
    assertThat(first.messages().get(0)).isEqualTo(ChatMessage.system("Be brief"));
    assertThat(first.messages().get(1).content()).contains("\"task\":\"shout hi\"");
    List<ChatMessage> second = sent.get(1).messages();
    assertThat(second.get(2).calls()).extracting(ToolCall::name).containsExactly("upper");
    assertThat(second.get(3)).isEqualTo(ChatMessage.tool("call-1", "{\"text\":\"HI\"}"));
  }

  @Test
  void shouldAnswerACallToAnUndeclaredToolWithAnErrorWithoutRunningIt() {
    answers.add(call("secret", "{}"));
    answers.add(new ChatMessage("assistant", "I may not"));

    NodeResult result = run(inline(List.of("upper"), null));

    assertThat(secretRuns).hasValue(0);
    assertThat(result.output().path("message").asText()).isEqualTo("I may not");
    assertThat(result.output().at("/tool_calls/0/result/error").asText())
        .isEqualTo("Tool 'secret' is not one of this agent's tools");
    assertThat(sent.get(1).messages().get(3).content()).contains("not one of this agent's tools");
  }

  @Test
  void shouldFailPermanentlyWhenTheModelStillCallsToolsAtMaxIterations() {
    answers.add(call("upper", "{}"));

    assertThatThrownBy(() -> run(inline(List.of("upper"), 3)))
        .isInstanceOfSatisfying(
            NodeFailureException.class,
            failure -> {
              assertThat(failure.failure())
                  .isEqualTo(
                      Failure.permanent(
                          "agent-max-iterations", "Agent still calling tools after 3 iterations"));
              assertThat(failure.usage().llmCalls()).isEqualTo(3);
            });
    assertThat(sent).hasSize(3);
  }

  @Test
  void shouldRunARegisteredPackageWithItsInstructionsAndTools() {
    answers.add(call("upper", "{}"));
    answers.add(new ChatMessage("assistant", "done"));

    NodeResult result = run(packaged("upper_agent"));

    assertThat(result.output().path("iterations").asInt()).isEqualTo(2);
    assertThat(sent.get(0).messages().get(0)).isEqualTo(ChatMessage.system("Shout it"));
    assertThat(sent.get(0).model()).isEqualTo("echo-1");
  }

  @Test
  void shouldRejectAnUnknownPackageOrUndeclarableToolPermanently() {
    assertThatThrownBy(() -> run(packaged("nobody")))
        .isInstanceOfSatisfying(
            NodeFailureException.class,
            failure -> assertThat(failure.failure().type()).isEqualTo("unknown-agent"));
    assertThatThrownBy(() -> run(inline(List.of("missing"), null)))
        .isInstanceOfSatisfying(
            NodeFailureException.class,
            failure -> assertThat(failure.failure().type()).isEqualTo("unknown-tool"));
    assertThat(sent).isEmpty();
  }

  private NodeResult run(AgentNodeSpec node) {
    return executor
        .execute(node, task(node, "{\"inputs\": {\"task\": \"shout hi\"}}", 5_000))
        .await()
        .atMost(Duration.ofSeconds(5));
  }

  private static ChatMessage call(String tool, String arguments) {
    return new ChatMessage(
        "assistant", "calling", List.of(ToolCall.function("call-1", tool, arguments)), null);
  }

  private static AgentNodeSpec inline(List<String> tools, Integer maxIterations) {
    return agent(null, "Be brief", tools, maxIterations);
  }

  private static AgentNodeSpec packaged(String name) {
    return agent(name, null, null, null);
  }

  private static AgentNodeSpec agent(
      String agentPackage, String instructions, List<String> tools, Integer maxIterations) {
    return new AgentNodeSpec(
        "agent",
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
        agentPackage,
        instructions,
        tools,
        null,
        maxIterations,
        null);
  }

  private record TestTool(String name, java.util.function.Function<JsonNode, JsonNode> body)
      implements Tool {
    @Override
    public String description() {
      return "test tool " + name;
    }

    @Override
    public JsonNode inputSchema() {
      return json("{\"type\": \"object\"}");
    }

    @Override
    public JsonNode outputSchema() {
      return json("{}");
    }

    @Override
    public Uni<JsonNode> execute(JsonNode args, ToolContext context) {
      return Uni.createFrom().item(() -> body.apply(args));
    }
  }

  private static final class UpperAgent implements AgentDefinition {
    @Override
    public String packageName() {
      return "upper_agent";
    }

    @Override
    public String description() {
      return "Shouts";
    }

    @Override
    public String instructions() {
      return "Shout it";
    }

    @Override
    public List<String> tools() {
      return List.of("upper");
    }

    @Override
    public String model() {
      return "echo-1";
    }
  }
}
