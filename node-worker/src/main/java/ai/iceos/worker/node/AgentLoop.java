package ai.iceos.worker.node;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatCompletionResponse;
import ai.iceos.worker.llm.ChatMessage;
import ai.iceos.worker.llm.ToolCall;
import ai.iceos.worker.tool.Tool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An agent's tool-calling loop (SPEC §2.6): asks the model, runs the tools it calls, answers each
 * call with a {@code tool} message holding the result as JSON, and asks again until the model
 * answers without tool calls. Only {@code declared} tools run: a call to any other name, a call
 * whose arguments are not a JSON object and a tool that fails are answered to the model as {@code
 * {"error": …}} so it can correct itself. One iteration is one model call; a model still calling
 * tools at the {@code maxIterations}-th call fails the node with a permanent {@code
 * agent-max-iterations}.
 *
 * <p>Output: {@code {message, reasoning, tool_calls: [{tool, arguments, result}], iterations}};
 * {@code reasoning} is the text the model sent along with its tool calls, or null.
 */
final class AgentLoop {
  static final String MAX_ITERATIONS = "agent-max-iterations";

  private final Function<ChatCompletionRequest, Uni<ChatCompletionResponse>> model;
  private final BiFunction<Tool, JsonNode, Uni<JsonNode>> runner;
  private final Map<String, Tool> declared;
  private final int maxIterations;

  /**
   * @param model sends one chat completion request
   * @param runner runs one declared tool with checked arguments
   * @param declared the tools the agent may call, by name
   */
  AgentLoop(
      Function<ChatCompletionRequest, Uni<ChatCompletionResponse>> model,
      BiFunction<Tool, JsonNode, Uni<JsonNode>> runner,
      Map<String, Tool> declared,
      int maxIterations) {
    this.model = model;
    this.runner = runner;
    this.declared = Map.copyOf(declared);
    this.maxIterations = maxIterations;
  }

  Uni<NodeResult> run(ChatCompletionRequest first) {
    return step(new State(first, new ArrayList<>(first.messages())));
  }

  private Uni<NodeResult> step(State state) {
    return Uni.createFrom()
        .deferred(() -> model.apply(state.request.withMessages(state.conversation)))
        .chain(answer -> next(state, answer));
  }

  private Uni<NodeResult> next(State state, ChatCompletionResponse answer) {
    state.iterations++;
    state.usage = state.usage.plus(LlmOutput.usage(answer));
    ChatMessage message =
        answer
            .message()
            .orElseThrow(
                () ->
                    new NodeFailureException(
                        Failure.retryable(
                            LlmOutput.INVALID_OUTPUT, "LLM gateway returned no message"),
                        state.usage));
    if (message.calls().isEmpty()) {
      return Uni.createFrom().item(new NodeResult(state.output(message.content()), state.usage));
    }
    if (state.iterations >= maxIterations) {
      return Uni.createFrom()
          .failure(
              new NodeFailureException(
                  Failure.permanent(
                      MAX_ITERATIONS,
                      "Agent still calling tools after " + maxIterations + " iterations"),
                  state.usage));
    }
    if (message.content() != null && !message.content().isBlank()) {
      state.reasoning.add(message.content());
    }
    state.conversation.add(new ChatMessage("assistant", message.content(), message.calls(), null));
    return Multi.createFrom()
        .iterable(message.calls())
        .onItem()
        .transformToUniAndConcatenate(call -> answer(state, call))
        .collect()
        .last()
        .chain(() -> step(state));
  }

  /** Runs one call and appends its {@code tool} message; never fails. */
  private Uni<Boolean> answer(State state, ToolCall call) {
    JsonNode args = parse(call.arguments());
    Tool tool = declared.get(call.name());
    Uni<JsonNode> result;
    if (tool == null) {
      result = error("Tool '" + call.name() + "' is not one of this agent's tools");
    } else if (!args.isObject()) {
      result = error("Arguments of '" + call.name() + "' must be a JSON object");
    } else {
      result =
          Uni.createFrom()
              .deferred(() -> runner.apply(tool, args))
              .onFailure()
              .recoverWithUni(error -> error(message(error)));
    }
    return result
        .invoke(
            value -> {
              ObjectNode record = state.calls.addObject();
              record.put("tool", call.name());
              record.set("arguments", args);
              record.set("result", value);
              state.conversation.add(ChatMessage.tool(call.id(), value.toString()));
            })
        .replaceWith(Boolean.TRUE);
  }

  private static Uni<JsonNode> error(String message) {
    return Uni.createFrom().item(IceosJson.mapper().createObjectNode().put("error", message));
  }

  private static String message(Throwable error) {
    if (error instanceof NodeFailureException failed) {
      return failed.failure().message();
    }
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }

  private static JsonNode parse(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return IceosJson.mapper().createObjectNode();
    }
    try {
      return IceosJson.mapper().readTree(arguments);
    } catch (java.io.IOException notJson) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(arguments);
    }
  }

  /** The conversation so far; touched by one step at a time. */
  private static final class State {
    final ChatCompletionRequest request;
    final List<ChatMessage> conversation;
    final List<String> reasoning = new ArrayList<>();
    final ArrayNode calls = IceosJson.mapper().createArrayNode();
    int iterations;
    Usage usage = Usage.none();

    State(ChatCompletionRequest request, List<ChatMessage> conversation) {
      this.request = request;
      this.conversation = conversation;
    }

    JsonNode output(String message) {
      ObjectNode output = IceosJson.mapper().createObjectNode();
      output.put("message", message);
      output.put("reasoning", reasoning.isEmpty() ? null : String.join("\n", reasoning));
      output.set("tool_calls", calls);
      output.put("iterations", iterations);
      return output;
    }
  }
}
