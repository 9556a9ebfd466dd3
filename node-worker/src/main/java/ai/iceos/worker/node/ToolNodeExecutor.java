package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.template.TemplateException;
import ai.iceos.worker.template.TemplateRenderer;
import ai.iceos.worker.template.TemplateScope;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolArguments;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Runs a {@code tool} node: renders {@code tool_args}, checks them against the tool's input schema
 * and calls the tool. The tool's result is the node's output (SPEC §2.2).
 */
@Singleton
public final class ToolNodeExecutor implements NodeExecutor<ToolNodeSpec> {
  static final String UNKNOWN_TOOL = "unknown-tool";
  static final String TEMPLATE_ERROR = "template-error";
  static final String VALIDATION = "validation";
  static final String INVALID_OUTPUT = "invalid-output";

  private final ToolRegistry registry;
  private final TemplateRenderer renderer;
  private final SchemaValidator validator;

  ToolNodeExecutor(ToolRegistry registry, TemplateRenderer renderer, SchemaValidator validator) {
    this.registry = registry;
    this.renderer = renderer;
    this.validator = validator;
  }

  @Override
  public Uni<NodeResult> execute(ToolNodeSpec node, NodeTask task) {
    Tool tool =
        registry
            .find(node.toolName())
            .orElseThrow(
                () ->
                    new NodeFailureException(
                        Failure.permanent(
                            UNKNOWN_TOOL, "Tool '" + node.toolName() + "' is not registered")));
    JsonNode args =
        checkedArguments(
            tool,
            ToolArguments.assemble(tool.inputSchema(), renderArguments(node, task), task.scope()));
    ToolContext context = contextOf(task);
    Uni<JsonNode> run;
    try {
      run = tool.execute(args, context);
    } catch (RuntimeException e) {
      return Uni.createFrom().failure(toolFailure(e));
    }
    return run.onFailure()
        .transform(ToolNodeExecutor::toolFailure)
        .map(output -> new NodeResult(checkedOutput(tool, output), null));
  }

  /** What a tool run for {@code task} sees: its attempt, scope and the node's dependencies. */
  static ToolContext contextOf(NodeTask task) {
    return new ToolContext(
        task.executionId(),
        task.nodeId(),
        task.taskId(),
        task.orgId(),
        task.attempt(),
        task.scope(),
        task.node().dependencies());
  }

  /** Arguments without template syntax are used as they are: no scope is built for them. */
  private JsonNode renderArguments(ToolNodeSpec node, NodeTask task) {
    if (!TemplateRenderer.containsTemplate(node.toolArgs())) {
      return node.toolArgs();
    }
    try {
      return renderer.renderTree(node.toolArgs(), TemplateScope.from(task.scope()), "tool_args");
    } catch (TemplateException e) {
      throw new NodeFailureException(Failure.permanent(TEMPLATE_ERROR, e.getMessage()));
    }
  }

  private JsonNode checkedArguments(Tool tool, JsonNode args) {
    List<String> problems = validator.validate(tool.inputSchema(), args);
    if (!problems.isEmpty()) {
      String message =
          "Input validation failed for tool '" + tool.name() + "': " + String.join("; ", problems);
      throw new NodeFailureException(Failure.permanent(VALIDATION, message));
    }
    return args;
  }

  /** A result that breaks the tool's own output schema is a retryable {@code invalid-output}. */
  private JsonNode checkedOutput(Tool tool, JsonNode output) {
    JsonNode result = output == null ? NullNode.getInstance() : output;
    List<String> problems = validator.validate(tool.outputSchema(), result);
    if (!problems.isEmpty()) {
      String message =
          "Output validation failed for tool '" + tool.name() + "': " + String.join("; ", problems);
      throw new NodeFailureException(Failure.retryable(INVALID_OUTPUT, message));
    }
    return result;
  }

  /** A tool's own exception is a {@code tool-error} (or its declared type), never internal. */
  static NodeFailureException toolFailure(Throwable error) {
    return switch (error) {
      case NodeFailureException classified -> classified;
      case ToolException tool ->
          new NodeFailureException(new Failure(tool.type(), message(tool), tool.retryable(), null));
      default ->
          new NodeFailureException(Failure.retryable(ToolException.TOOL_ERROR, message(error)));
    };
  }

  private static String message(Throwable error) {
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }
}
