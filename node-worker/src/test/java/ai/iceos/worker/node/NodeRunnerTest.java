package ai.iceos.worker.node;

import static ai.iceos.worker.node.Tasks.json;
import static ai.iceos.worker.node.Tasks.task;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.worker.agent.AgentRegistry;
import ai.iceos.worker.code.JsSandbox;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatCompletionResponse;
import ai.iceos.worker.llm.ChatMessage;
import ai.iceos.worker.llm.GatewayException;
import ai.iceos.worker.llm.LlmGatewayClient;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.template.TemplateRenderer;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class NodeRunnerTest {
  private final AtomicReference<ChatCompletionRequest> sent = new AtomicReference<>();
  private final AtomicReference<Uni<ChatCompletionResponse>> answer = new AtomicReference<>();
  private final LlmGatewayClient gateway =
      (org, execution, node, request) -> {
        sent.set(request);
        return answer.get();
      };
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final NodeRunner runner = runner();

  @Test
  void shouldRunToolWithRenderedArgumentsAndOutputMappings() {
    var node = tool("echo", "{\"n\": \"{{ inputs.n }}\", \"who\": \"dear {{ inputs.name }}\"}");
    var mapped = withOutputMappings(node, Map.of("number", "n"));

    var result = run(task(mapped, "{\"inputs\": {\"n\": 4, \"name\": \"Ada\"}}", 5_000));

    assertThat(result)
        .isEqualTo(
            new AttemptResult.Succeeded(
                json("{\"n\": 4, \"who\": \"dear Ada\", \"number\": 4}"), null));
  }

  @Test
  void shouldCountAttemptsByKindAndResult() {
    run(task(tool("echo", "{}"), "{}", 5_000));
    run(task(tool("nope", "{}"), "{}", 5_000));

    assertThat(
            meters
                .counter(NodeRunner.ATTEMPTS_METRIC, "kind", "tool", "result", "completed")
                .count())
        .isEqualTo(1);
    assertThat(
            meters
                .counter(NodeRunner.ATTEMPTS_METRIC, "kind", "tool", "result", "unknown-tool")
                .count())
        .isEqualTo(1);
    assertThat(meters.get(NodeRunner.RUNNING_METRIC).gauge().value()).isZero();
  }

  @Test
  void shouldFailUnknownToolPermanently() {
    var result = run(task(tool("nope", "{}"), "{}", 5_000));

    assertThat(failure(result))
        .isEqualTo(Failure.permanent("unknown-tool", "Tool 'nope' is not registered"));
  }

  @Test
  void shouldFailUndefinedTemplateNamePermanently() {
    var result =
        run(task(tool("echo", "{\"x\": \"{{ inputs.missing }}\"}"), "{\"inputs\": {}}", 5_000));

    assertThat(failure(result).type()).isEqualTo("template-error");
    assertThat(failure(result).retryable()).isFalse();
    assertThat(failure(result).message()).contains("inputs.missing");
  }

  @Test
  void shouldReportToolExceptionTypeAndOtherToolErrorsAsToolError() {
    assertThat(failure(run(task(tool("typed", "{}"), "{}", 5_000))))
        .isEqualTo(Failure.retryable("transient", "try later"));
    assertThat(failure(run(task(tool("throwing", "{}"), "{}", 5_000))))
        .isEqualTo(Failure.retryable("tool-error", "kaput"));
  }

  @Test
  void shouldTimeOutAtTheDeadlineAsRetryable() {
    var result = run(task(tool("never", "{}"), "{}", 200));

    assertThat(failure(result))
        .isEqualTo(Failure.retryable("timeout", "Node 'never-node' timed out after 0.2 s"));
  }

  @Test
  void shouldFailArgumentsThatBreakTheToolSchemaPermanently() {
    var result = run(task(tool("strict", "{\"count\": \"x\"}"), "{}", 5_000));

    assertThat(failure(result))
        .isEqualTo(
            Failure.permanent(
                "validation",
                "Input validation failed for tool 'strict': count: string found, integer"
                    + " expected"));
  }

  @Test
  void shouldFillDeclaredArgumentsFromScopeThenDefaultsWithExplicitArgumentsWinning() {
    var node = tool("strict", "{\"count\": 7}");

    var result = run(task(node, "{\"count\": 1, \"item\": {\"a\": 1}, \"other\": 2}", 5_000));

    assertThat(result)
        .isEqualTo(
            new AttemptResult.Succeeded(
                json("{\"count\": 7, \"item\": {\"a\": 1}, \"mode\": \"fast\"}"), null));
  }

  @Test
  void shouldTakeADeclaredArgumentFromScopeWhenNotGiven() {
    var result = run(task(tool("strict", "{}"), "{\"count\": 3}", 5_000));

    assertThat(((AttemptResult.Succeeded) result).output().get("count").asInt()).isEqualTo(3);
  }

  @Test
  void shouldRunACodeNodeWithItsScopeAsCtx() {
    var result =
        run(
            task(
                CodeNodes.inline("calc", "return {total: ctx.load.rows.length};", null),
                "{\"load\": {\"rows\": [1, 2]}}",
                10_000));

    assertThat(result).isEqualTo(new AttemptResult.Succeeded(json("{\"total\": 2}"), null));
  }

  @Test
  void shouldRefuseCodeInAnotherLanguagePermanently() {
    var result = run(task(CodeNodes.inline("calc", "print(1)", "python"), "{}", 10_000));

    assertThat(failure(result).type()).isEqualTo("unsupported-language");
    assertThat(failure(result).retryable()).isFalse();
  }

  @Test
  void shouldReportAToolWithABrokenOutputSchemaAsInternal() {
    var result = run(task(tool("dangling", "{}"), "{}", 5_000));

    assertThat(failure(result).type()).isEqualTo("internal");
    assertThat(failure(result).retryable()).isTrue();
  }

  @Test
  void shouldFailAResultThatBreaksTheToolsOutputSchemaAsInvalidOutput() {
    var result = run(task(tool("sloppy", "{}"), "{}", 5_000));

    assertThat(failure(result))
        .isEqualTo(
            Failure.retryable(
                "invalid-output",
                "Output validation failed for tool 'sloppy': required property 'total' not"
                    + " found"));
  }

  @Test
  void shouldCallGatewayAndBuildLlmOutput() {
    answer.set(Uni.createFrom().item(response("ECHO::Hello Ada", new BigDecimal("0.000123"))));
    var node = llm("Hello {{ inputs.name }}");

    var result = run(task(node, "{\"inputs\": {\"name\": \"Ada\"}}", 5_000));

    var succeeded = (AttemptResult.Succeeded) result;
    assertThat(succeeded.output().toString())
        .isEqualTo(
            json("""
                    {"response": "ECHO::Hello Ada", "prompt": "Hello Ada", "model": "echo-1",
                     "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
                     "text": "ECHO::Hello Ada"}
                    """)
                .toString());
    assertThat(succeeded.usage()).isEqualTo(new Usage(3, 4, 7, 123, 1));
    assertThat(sent.get().messages()).containsExactly(ChatMessage.user("Hello Ada"));
    assertThat(sent.get().temperature()).isEqualTo(0.7);
  }

  @Test
  void shouldParseAndValidateJsonResponses() {
    answer.set(Uni.createFrom().item(response("{\"score\": 3}", null)));
    var valid = run(task(jsonLlm("{\"score\": \"int\"}"), "{}", 5_000));
    answer.set(Uni.createFrom().item(response("{\"score\": \"high\"}", null)));
    var invalid = run(task(jsonLlm("{\"score\": \"int\"}"), "{}", 5_000));
    answer.set(Uni.createFrom().item(response("not json", null)));
    var unparsable = run(task(jsonLlm(null), "{}", 5_000));

    assertThat(((AttemptResult.Succeeded) valid).output().get("response"))
        .isEqualTo(json("{\"score\": 3}"));
    assertThat(failure(invalid).type()).isEqualTo("invalid-output");
    assertThat(failure(invalid).retryable()).isTrue();
    assertThat(invalid.usage()).isEqualTo(new Usage(3, 4, 7, 0, 1));
    assertThat(failure(unparsable).type()).isEqualTo("invalid-output");
    assertThat(sent.get().responseFormat().type()).isEqualTo("json_object");
  }

  @Test
  void shouldClassifyGatewayErrors() {
    answer.set(Uni.createFrom().failure(new GatewayException(429, "slow down", 2_000L)));
    assertThat(failure(run(task(llm("x"), "{}", 5_000))))
        .isEqualTo(new Failure("rate-limited", "slow down", true, 2_000L));

    answer.set(Uni.createFrom().failure(new GatewayException(402, "budget", null)));
    assertThat(failure(run(task(llm("x"), "{}", 5_000))))
        .isEqualTo(Failure.permanent("budget-exceeded", "budget"));
  }

  @Test
  void shouldReportUnexpectedExceptionAsInternal() {
    answer.set(null);
    var throwingGateway =
        new NodeRunner(
            toolExecutor(),
            new LlmNodeExecutor(
                (o, e, n, r) -> {
                  throw new IllegalStateException("bug");
                },
                new TemplateRenderer(),
                new SchemaValidator()),
            new CodeNodeExecutor(new JsSandbox(1_000_000, 100_000)),
            agentExecutor(),
            swarmExecutor(),
            new RunningAttempts(InstantSource.system()),
            new SimpleMeterRegistry());

    var result =
        throwingGateway.run(task(llm("x"), "{}", 5_000)).await().atMost(Duration.ofSeconds(5));

    assertThat(failure(result))
        .isEqualTo(Failure.retryable("internal", "IllegalStateException: bug"));
  }

  private AttemptResult run(ai.iceos.contracts.messaging.NodeTask task) {
    return runner.run(task).await().atMost(Duration.ofSeconds(10));
  }

  private static Failure failure(AttemptResult result) {
    assertThat(result).isInstanceOf(AttemptResult.Failed.class);
    return ((AttemptResult.Failed) result).failure();
  }

  private NodeRunner runner() {
    return new NodeRunner(
        toolExecutor(),
        new LlmNodeExecutor(gateway, new TemplateRenderer(), new SchemaValidator()),
        new CodeNodeExecutor(new JsSandbox(1_000_000, 100_000)),
        agentExecutor(),
        swarmExecutor(),
        new RunningAttempts(InstantSource.system()),
        meters);
  }

  private AgentNodeExecutor agentExecutor() {
    return new AgentNodeExecutor(
        gateway, new ToolRegistry(List.of()), new AgentRegistry(List.of()), new SchemaValidator());
  }

  private SwarmNodeExecutor swarmExecutor() {
    return new SwarmNodeExecutor(
        gateway, new ToolRegistry(List.of()), new AgentRegistry(List.of()), new SchemaValidator());
  }

  private static ToolNodeExecutor toolExecutor() {
    List<Tool> tools =
        List.of(
            new TestTool("echo", "{}", (args, ctx) -> Uni.createFrom().item(args)),
            new TestTool(
                "typed",
                "{}",
                (args, ctx) ->
                    Uni.createFrom().failure(new ToolException("transient", "try later", true))),
            new TestTool(
                "throwing",
                "{}",
                (args, ctx) -> {
                  throw new IllegalArgumentException("kaput");
                }),
            new TestTool("never", "{}", (args, ctx) -> Uni.createFrom().nothing()),
            new TestTool(
                "strict",
                "{\"properties\": {\"count\": {\"type\": \"integer\"}, \"item\": {},"
                    + " \"mode\": {\"default\": \"fast\"}}}",
                (args, ctx) -> Uni.createFrom().item(args)),
            new TestTool(
                "dangling",
                "{}",
                "{\"$ref\": \"#/$defs/missing\"}",
                (args, ctx) -> Uni.createFrom().item(json("{}"))),
            new TestTool(
                "sloppy",
                "{}",
                "{\"required\": [\"total\"]}",
                (args, ctx) -> Uni.createFrom().item(json("{\"sum\": 1}"))));
    return new ToolNodeExecutor(
        new ToolRegistry(tools), new TemplateRenderer(), new SchemaValidator());
  }

  private static ToolNodeSpec tool(String toolName, String args) {
    String id = toolName.equals("never") ? "never-node" : toolName + "-node";
    return ToolNodeSpec.of(id, toolName, json(args));
  }

  private static NodeSpec withOutputMappings(ToolNodeSpec node, Map<String, String> mappings) {
    return new ToolNodeSpec(
        node.id(),
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        mappings,
        null,
        null,
        null,
        node.toolName(),
        node.toolArgs());
  }

  private static LlmNodeSpec llm(String prompt) {
    return LlmNodeSpec.of("ask", "echo-1", prompt);
  }

  private static LlmNodeSpec jsonLlm(String outputSchema) {
    return new LlmNodeSpec(
        "ask",
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        outputSchema == null ? null : json(outputSchema),
        null,
        null,
        null,
        null,
        null,
        "echo-1",
        "rate",
        null,
        0.0,
        null,
        null,
        "json");
  }

  private static ChatCompletionResponse response(String content, BigDecimal costUsd) {
    return new ChatCompletionResponse(
        "c1",
        "echo-1",
        List.of(
            new ChatCompletionResponse.Choice(0, new ChatMessage("assistant", content), "stop")),
        new ChatCompletionResponse.TokenUsage(3, 4, 7, costUsd));
  }

  private record TestTool(
      String name,
      String schema,
      String output,
      BiFunction<JsonNode, ToolContext, Uni<JsonNode>> body)
      implements Tool {
    TestTool(String name, String schema, BiFunction<JsonNode, ToolContext, Uni<JsonNode>> body) {
      this(name, schema, "{}", body);
    }

    @Override
    public String description() {
      return "test tool " + name;
    }

    @Override
    public JsonNode inputSchema() {
      return json(schema);
    }

    @Override
    public JsonNode outputSchema() {
      return json(output);
    }

    @Override
    public Uni<JsonNode> execute(JsonNode args, ToolContext context) {
      return body.apply(args, context);
    }
  }
}
