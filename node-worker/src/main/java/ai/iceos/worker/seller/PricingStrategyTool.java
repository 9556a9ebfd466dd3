package ai.iceos.worker.seller;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/** Prices a product from its cost with {@link Pricing} (Seller Assistant toolkit). */
@Singleton
final class PricingStrategyTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["cost"],
           "properties": {
             "cost": {"type": ["number", "string"],
                      "description": "the product's cost; a text gives its first number"},
             "margin_percent": {"type": "number", "minimum": 0, "default": 25,
                                "description": "margin over cost, in percent"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["price", "cost", "margin_percent"],
           "properties": {"price": {"type": "number", "minimum": 0.99},
                          "cost": {"type": "number"},
                          "margin_percent": {"type": "number"}}}
          """);

  @Override
  public String name() {
    return "pricing_strategy";
  }

  @Override
  public String description() {
    return "Prices a product at cost plus margin (25 % by default), at least 0.99, in cents.";
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
    return Uni.createFrom().item(() -> price(args));
  }

  private static JsonNode price(JsonNode args) {
    BigDecimal cost = ProductItem.number(args.path("cost")).orElse(null);
    BigDecimal margin = margin(args);
    BigDecimal price = Pricing.price(cost, margin);
    return JsonNodeFactory.instance
        .objectNode()
        .put("price", price)
        .put("cost", cost)
        .put("margin_percent", margin);
  }

  static BigDecimal margin(JsonNode args) {
    JsonNode margin = args.path("margin_percent");
    return margin.isNumber() ? margin.decimalValue() : Pricing.DEFAULT_MARGIN_PERCENT;
  }
}
