package ai.iceos.worker.seller;

import static ai.iceos.worker.tool.ToolFixtures.NO_SCOPE;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static ai.iceos.worker.tool.ToolFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's Seller Assistant through its tools, as the scheduler would drive them. */
class SellerAssistantDemoTest {
  private final CsvLoaderTool csvLoader = new CsvLoaderTool(new DataFiles(null));
  private final ListingAgentTool listingAgent = new ListingAgentTool();
  private final AggregatorTool aggregator = new AggregatorTool();

  @Test
  void shouldListTheNineDemoProductsWithTheSeedsPrices() {
    // given the shipped demo CSV
    JsonNode loaded =
        await(
            csvLoader.execute(
                json(
                    "{\"path\": \"supply_yard_overflow.csv\", \"delimiter\": \",\", \"max_rows\": 10000}"),
                NO_SCOPE));
    JsonNode rows = loaded.get("rows");

    // when each row runs through listing_agent in a loop body, then the loop's output is summed
    ArrayNode loopOutput = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < rows.size(); i++) {
      ObjectNode loopScope = JsonNodeFactory.instance.objectNode();
      loopScope.set("item", rows.get(i));
      loopScope.put("loop_index", i);
      loopScope.set("loop_items", rows);
      ObjectNode args = JsonNodeFactory.instance.objectNode();
      args.set("item", rows.get(i));
      args.put("margin_percent", 25);
      loopOutput.add(await(listingAgent.execute(args, scope(loopScope))));
    }
    ObjectNode summaryScope = JsonNodeFactory.instance.objectNode();
    summaryScope.set("listing_loop", loopOutput);
    JsonNode summary = await(aggregator.execute(json("{}"), scope(summaryScope, "listing_loop")));

    // then
    assertThat(summary.get("total").asInt()).isEqualTo(9);
    assertThat(summary.get("success").asInt()).isEqualTo(9);
    assertThat(summary.get("failures").asInt()).isZero();
    List<String> prices = new ArrayList<>();
    List<Boolean> duplicates = new ArrayList<>();
    summary
        .get("items")
        .forEach(
            item -> {
              prices.add(item.get("price").decimalValue().toPlainString());
              duplicates.add(item.get("duplicate").booleanValue());
            });
    assertThat(prices)
        .containsExactly(
            "750.00", "125.00", "250.00", "375.00", "62.50", "25.00", "187.50", "375.00", "562.50");
    assertThat(duplicates)
        .containsExactly(false, false, true, false, false, false, false, true, false);
    JsonNode fridge = summary.get("items").get(0);
    assertThat(fridge.get("listing_id").asText()).startsWith("LOC-refrigerator-");
    assertThat(fridge.get("title").asText()).isEqualTo("TEST Refrigerator");
    assertThat(fridge.get("cost").decimalValue()).isEqualByComparingTo(new BigDecimal("600.00"));
    assertThat(fridge.get("uploaded").asBoolean()).isFalse();
  }
}
