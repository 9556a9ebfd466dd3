package ai.iceos.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/** Returns {@code {value: value}} (SPEC §6); an absent value gives {@code null}. */
@Singleton
final class ConstantTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "properties": {"value": {"description": "any JSON value, returned as is"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["value"], "properties": {"value": {}}}
          """);

  @Override
  public String name() {
    return "constant";
  }

  @Override
  public String description() {
    return "Returns the given value.";
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
    JsonNode value = args.has("value") ? args.get("value").deepCopy() : NullNode.getInstance();
    JsonNode result = JsonNodeFactory.instance.objectNode().set("value", value);
    return Uni.createFrom().item(result);
  }
}
