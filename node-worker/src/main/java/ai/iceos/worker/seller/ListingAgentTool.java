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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates one listing from a product (Seller Assistant toolkit): SKU, price by {@link Pricing},
 * offline copy and a local listing id {@code LOC-<sku>}; nothing is uploaded. The worker is
 * stateless, so {@code duplicate} (true for a second occurrence of a SKU in one execution) is
 * decided from the enclosing loop's {@code loop_items} and {@code loop_index}: an earlier item with
 * the same SKU makes this one a duplicate. Outside a loop it is false.
 */
@Singleton
final class ListingAgentTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "properties": {
             "item": {"type": "object",
                      "description": "a product row: Product/Item, Suggested Price, Description"},
             "name": {"type": "string", "minLength": 1, "description": "overrides the item's name"},
             "cost": {"type": ["number", "string"], "description": "overrides the item's cost"},
             "margin_percent": {"type": "number", "minimum": 0, "default": 25,
                                "description": "margin over cost, in percent"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "required": ["listing_id", "sku", "name", "title", "description", "cost", "price",
                        "duplicate", "uploaded"],
           "properties": {"listing_id": {"type": "string", "pattern": "^LOC-"},
                          "sku": {"type": "string", "maxLength": 30},
                          "name": {"type": "string"}, "title": {"type": "string"},
                          "description": {"type": "string"}, "cost": {"type": "number"},
                          "price": {"type": "number"}, "duplicate": {"type": "boolean"},
                          "uploaded": {"type": "boolean"}}}
          """);

  @Override
  public String name() {
    return "listing_agent";
  }

  @Override
  public String description() {
    return "Creates a priced listing with SKU and offline copy from a product row.";
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
    return Uni.createFrom().item(() -> list(args, context));
  }

  private static JsonNode list(JsonNode args, ToolContext context) {
    ProductItem product = product(args);
    String sku = Sku.of(product.name());
    BigDecimal price = Pricing.price(product.cost(), PricingStrategyTool.margin(args));
    ListingCopy copy = ListingCopy.offline(product.name(), product.description());
    ObjectNode listing = JsonNodeFactory.instance.objectNode();
    listing.put("listing_id", "LOC-" + sku);
    listing.put("sku", sku);
    listing.put("name", product.name());
    listing.put("title", copy.title());
    listing.put("description", copy.description());
    listing.put("cost", product.cost());
    listing.put("price", price);
    listing.put("duplicate", isDuplicate(sku, context));
    listing.put("uploaded", false);
    return listing;
  }

  private static ProductItem product(JsonNode args) {
    ProductItem fromItem = ProductItem.from(args.path("item")).orElse(null);
    String name =
        args.hasNonNull("name")
            ? args.get("name").asText().strip()
            : fromItem == null ? null : fromItem.name();
    if (name == null || name.isEmpty()) {
      throw ToolException.invalidArguments(
          "listing_agent needs 'item' with a Product/Item (or name), or 'name'");
    }
    BigDecimal cost =
        args.hasNonNull("cost")
            ? ProductItem.number(args.get("cost")).orElse(null)
            : fromItem == null ? null : fromItem.cost();
    String description = fromItem == null ? "" : fromItem.description();
    return new ProductItem(name, cost, description);
  }

  /** Whether an item before this one in the enclosing loop has the same SKU. */
  static boolean isDuplicate(String sku, ToolContext context) {
    int index = context.loopIndex().orElse(0);
    List<JsonNode> items = context.loopItems();
    return items.stream()
        .limit(Math.min(index, items.size()))
        .map(ProductItem::from)
        .flatMap(Optional::stream)
        .map(earlier -> Sku.of(earlier.name()))
        .anyMatch(earlierSku -> Objects.equals(earlierSku, sku));
  }
}
