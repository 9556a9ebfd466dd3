package ai.iceos.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/** Returns its arguments unchanged (SPEC §6, testing toolkit). */
@Singleton
final class EchoTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse("{\"type\": \"object\", \"additionalProperties\": true}");

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public String description() {
    return "Returns its arguments unchanged.";
  }

  @Override
  public JsonNode inputSchema() {
    return INPUT;
  }

  @Override
  public JsonNode outputSchema() {
    return INPUT;
  }

  @Override
  public Uni<JsonNode> execute(JsonNode args, ToolContext context) {
    JsonNode copy = args.deepCopy();
    return Uni.createFrom().item(copy);
  }
}
