package ai.iceos.worker.seller;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Writes a listing's title and description offline with {@link ListingCopy} (Seller Assistant
 * toolkit): deterministic copy for runs without an LLM; an {@code llm} node writes real copy.
 */
@Singleton
final class TitleDescriptionGeneratorTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "properties": {
             "item": {"type": "object", "description": "a product row"},
             "name": {"type": "string", "minLength": 1, "description": "overrides the item's name"},
             "description": {"type": "string", "description": "overrides the item's description"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["title", "description"],
           "properties": {"title": {"type": "string", "maxLength": 80},
                          "description": {"type": "string"}}}
          """);

  @Override
  public String name() {
    return "title_description_generator";
  }

  @Override
  public String description() {
    return "Writes a listing title ('TEST <name>') and description for a product, offline.";
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
    return Uni.createFrom().item(() -> write(args));
  }

  private static JsonNode write(JsonNode args) {
    ProductItem item = ProductItem.from(args.path("item")).orElse(null);
    String name = args.hasNonNull("name") ? args.get("name").asText() : null;
    if (name == null && item != null) {
      name = item.name();
    }
    if (name == null || name.isBlank()) {
      throw ToolException.invalidArguments(
          "title_description_generator needs 'item' with a Product/Item (or name), or 'name'");
    }
    String description =
        args.hasNonNull("description")
            ? args.get("description").asText()
            : item == null ? "" : item.description();
    ListingCopy copy = ListingCopy.offline(name.strip(), description);
    return JsonNodeFactory.instance
        .objectNode()
        .put("title", copy.title())
        .put("description", copy.description());
  }
}
