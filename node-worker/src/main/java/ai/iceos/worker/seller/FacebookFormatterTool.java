package ai.iceos.worker.seller;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats a listing (as {@code listing_agent} produces it) for a Facebook Marketplace item: {@code
 * {title, price, currency, description, condition, category, availability, sku}}, title cut to 100
 * and description to 9,999 characters as Marketplace requires (Seller Assistant toolkit).
 */
@Singleton
final class FacebookFormatterTool implements Tool {
  static final int MAX_TITLE = 100;
  static final int MAX_DESCRIPTION = 9_999;

  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["listing"],
           "properties": {
             "listing": {"type": "object", "required": ["title", "price"],
                         "description": "a listing with title, price, description and sku"},
             "condition": {"type": "string", "default": "used_good",
                           "enum": ["new", "used_like_new", "used_good", "used_fair"],
                           "description": "Marketplace condition"},
             "category": {"type": "string", "default": "home_improvement",
                          "description": "Marketplace category"},
             "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "default": "USD",
                          "description": "ISO 4217 currency of the price"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "required": ["title", "price", "currency", "description", "condition", "category",
                        "availability"],
           "properties": {"title": {"type": "string", "maxLength": 100},
                          "price": {"type": "number"}, "currency": {"type": "string"},
                          "description": {"type": "string", "maxLength": 9999},
                          "condition": {"type": "string"}, "category": {"type": "string"},
                          "availability": {"type": "string"},
                          "sku": {"type": ["string", "null"]}}}
          """);

  @Override
  public String name() {
    return "facebook_formatter";
  }

  @Override
  public String description() {
    return "Formats a listing as a Facebook Marketplace item.";
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
    return Uni.createFrom().item(() -> format(args));
  }

  private static JsonNode format(JsonNode args) {
    JsonNode listing = args.get("listing");
    BigDecimal price =
        ProductItem.number(listing.get("price"))
            .orElseThrow(() -> ToolException.invalidArguments("'listing.price' has no number"));
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("title", cut(listing.get("title").asText(), MAX_TITLE));
    item.put("price", price.setScale(2, RoundingMode.HALF_UP));
    item.put("currency", args.path("currency").asText("USD"));
    item.put("description", cut(listing.path("description").asText(""), MAX_DESCRIPTION));
    item.put("condition", args.path("condition").asText("used_good"));
    item.put("category", args.path("category").asText("home_improvement"));
    item.put("availability", "in_stock");
    item.put("sku", listing.hasNonNull("sku") ? listing.get("sku").asText() : null);
    return item;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
