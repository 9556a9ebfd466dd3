package ai.iceos.worker.seller;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Publishes a listing to the configured marketplace API ({@code POST <marketplace-url>/listings})
 * with the bearer key from the environment (Seller Assistant toolkit). In dry-run mode, the
 * default, it makes no call and answers {@code LOC-<sku>}.
 */
@Singleton
final class MarketplaceClientTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["listing"],
           "properties": {
             "listing": {"type": "object", "required": ["sku"],
                         "properties": {"sku": {"type": "string", "minLength": 1}},
                         "description": "a listing as listing_agent produces it"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["listing_id", "sku", "status", "uploaded"],
           "properties": {"listing_id": {"type": "string"}, "sku": {"type": "string"},
                          "status": {"enum": ["dry_run", "posted"]},
                          "uploaded": {"type": "boolean"},
                          "http_status": {"type": ["integer", "null"]}}}
          """);

  private final Publisher publisher;

  MarketplaceClientTool(Publisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public String name() {
    return "marketplace_client";
  }

  @Override
  public String description() {
    return "Publishes a listing to the marketplace API (dry run with LOC- ids by default).";
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
    JsonNode listing = args.get("listing");
    String sku = listing.get("sku").asText();
    PublishingSettings settings = publisher.settings();
    if (!settings.dryRun() && settings.marketplaceUrl() == null) {
      return Uni.createFrom()
          .failure(
              ToolException.invalidArguments(
                  "marketplace_client is live but iceos.worker.publishing.marketplace-url is"
                      + " not set"));
    }
    var url = settings.dryRun() ? null : settings.marketplaceUrl().resolve("listings");
    return publisher
        .post(url, listing, "LOC-" + sku)
        .map(
            answer -> {
              ObjectNode result = (ObjectNode) answer;
              ObjectNode out = result.objectNode();
              out.put("listing_id", result.get("id").asText());
              out.put("sku", sku);
              out.set("status", result.get("status"));
              out.set("uploaded", result.get("uploaded"));
              out.set("http_status", result.get("http_status"));
              return out;
            });
  }
}
