package ai.iceos.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/** Always fails with a retryable {@code tool-error} whose message is {@code msg} (SPEC §6). */
@Singleton
final class FailTool implements Tool {
  static final String DEFAULT_MESSAGE = "boom";

  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "properties": {"msg": {"type": "string", "default": "boom",
                                  "description": "the failure message"}}}
          """);
  private static final JsonNode OUTPUT = ToolSchema.parse("{\"not\": {}}");

  @Override
  public String name() {
    return "fail";
  }

  @Override
  public String description() {
    return "Always fails with the given message.";
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
    JsonNode msg = args.path("msg");
    String message = msg.isMissingNode() || msg.isNull() ? DEFAULT_MESSAGE : msg.asText();
    return Uni.createFrom().failure(new ToolException(message));
  }
}
