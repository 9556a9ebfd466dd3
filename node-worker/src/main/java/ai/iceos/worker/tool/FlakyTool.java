package ai.iceos.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Fails attempts 1..{@code fail_times} of its node with a retryable {@code transient} failure, then
 * returns {@code {attempt: n}} (SPEC §6). Stateless: it decides from the attempt number alone.
 */
@Singleton
final class FlakyTool implements Tool {
  static final String TRANSIENT = "transient";

  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "properties": {"fail_times": {"type": "integer", "minimum": 0, "default": 1,
                                         "description": "how many first attempts fail"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["attempt"],
           "properties": {"attempt": {"type": "integer"}}}
          """);

  @Override
  public String name() {
    return "flaky";
  }

  @Override
  public String description() {
    return "Fails the first fail_times attempts with a transient error, then succeeds.";
  }

  @Override
  public JsonNode inputSchema() {
    return INPUT;
  }

  @Override
  public JsonNode outputSchema() {
    return OUTPUT;
  }

  @Override
  public Uni<JsonNode> execute(JsonNode args, ToolContext context) {
    JsonNode failTimes = args.path("fail_times");
    if (!failTimes.isMissingNode() && !failTimes.canConvertToInt()) {
      return Uni.createFrom()
          .failure(ToolException.invalidArguments("flaky needs 'fail_times', an integer"));
    }
    int limit = failTimes.isMissingNode() ? 1 : failTimes.intValue();
    int attempt = context.attempt();
    if (attempt <= limit) {
      String message = "Transient failure on attempt " + attempt + " of " + limit;
      return Uni.createFrom().failure(new ToolException(TRANSIENT, message, true));
    }
    return Uni.createFrom().item(JsonNodeFactory.instance.objectNode().put("attempt", attempt));
  }
}
