package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.GatewayFailures;
import ai.iceos.worker.llm.LlmGatewayClient;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.template.TemplateException;
import ai.iceos.worker.template.TemplateRenderer;
import ai.iceos.worker.template.TemplateScope;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Runs an {@code llm} node: renders {@code prompt} and {@code system}, calls llm-gateway's chat
 * completions endpoint and builds the output with {@link LlmOutput}.
 */
@Singleton
public final class LlmNodeExecutor implements NodeExecutor<LlmNodeSpec> {
  private final LlmGatewayClient gateway;
  private final TemplateRenderer renderer;
  private final SchemaValidator validator;

  LlmNodeExecutor(
      @RestClient LlmGatewayClient gateway, TemplateRenderer renderer, SchemaValidator validator) {
    this.gateway = gateway;
    this.renderer = renderer;
    this.validator = validator;
  }

  @Override
  public Uni<NodeResult> execute(LlmNodeSpec node, NodeTask task) {
    Map<String, Object> scope = TemplateScope.from(task.scope());
    String prompt = render(node.prompt(), scope, "prompt");
    String system = node.system() == null ? null : render(node.system(), scope, "system");
    ChatCompletionRequest request = ChatCompletionRequest.of(node, system, prompt);
    return gateway
        .complete(task.orgId(), task.executionId(), task.nodeId(), request)
        .onFailure()
        .transform(error -> new NodeFailureException(GatewayFailures.classify(error)))
        .map(answer -> LlmOutput.of(node, prompt, answer, validator));
  }

  private String render(String template, Map<String, Object> scope, String field) {
    try {
      return renderer.renderText(template, scope, field);
    } catch (TemplateException e) {
      throw new NodeFailureException(
          Failure.permanent(ToolNodeExecutor.TEMPLATE_ERROR, e.getMessage()));
    }
  }
}
