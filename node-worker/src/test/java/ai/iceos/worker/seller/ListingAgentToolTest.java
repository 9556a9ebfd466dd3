package ai.iceos.worker.seller;

import static ai.iceos.worker.tool.ToolFixtures.NO_SCOPE;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static ai.iceos.worker.tool.ToolFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ListingAgentToolTest {
  private final ListingAgentTool tool = new ListingAgentTool();

  @Test
  void shouldListAnItemOutsideALoopAsNoDuplicate() {
    JsonNode listing =
        await(
            tool.execute(
                json(
                    "{\"item\": {\"Product/Item\": \"Tile\", \"Suggested Price\": \"$300 per cs\"}}"),
                NO_SCOPE));

    String sku = Sku.of("Tile");
    assertThat(listing.get("sku").asText()).isEqualTo(sku);
    assertThat(listing.get("listing_id").asText()).isEqualTo("LOC-" + sku);
    assertThat(listing.get("price").decimalValue().toPlainString()).isEqualTo("375.00");
    assertThat(listing.get("title").asText()).isEqualTo("TEST Tile");
    assertThat(listing.get("description").asText()).isEqualTo("Tile");
    assertThat(listing.get("duplicate").asBoolean()).isFalse();
  }

  @Test
  void shouldMarkOnlyTheLaterOccurrenceOfASkuInALoopAsDuplicate() {
    String items =
        "[{\"Product/Item\": \"Vanity\", \"Suggested Price\": \"$150\"},"
            + " {\"Product/Item\": \"Tile\", \"Suggested Price\": \"$1\"},"
            + " {\"Product/Item\": \"Vanity\", \"Suggested Price\": \"$300\"}]";
    JsonNode loop = json(items);

    JsonNode first = await(tool.execute(args(loop.get(0)), scope(loopScope(loop, 0))));
    JsonNode third = await(tool.execute(args(loop.get(2)), scope(loopScope(loop, 2))));

    assertThat(first.get("duplicate").asBoolean()).isFalse();
    assertThat(third.get("duplicate").asBoolean()).isTrue();
    assertThat(third.get("price").decimalValue().toPlainString()).isEqualTo("375.00");
  }

  @Test
  void shouldLetExplicitNameAndCostOverrideTheItem() {
    JsonNode listing =
        await(
            tool.execute(
                json("{\"name\": \"Door\", \"cost\": 8, \"margin_percent\": 50}"), NO_SCOPE));

    assertThat(listing.get("name").asText()).isEqualTo("Door");
    assertThat(listing.get("price").decimalValue().toPlainString()).isEqualTo("12.00");
  }

  @Test
  void shouldFailPermanentlyWithoutNameOrCost() {
    assertThatThrownBy(() -> await(tool.execute(json("{\"item\": {}}"), NO_SCOPE)))
        .hasMessageContaining("needs 'item'");
    assertThatThrownBy(() -> await(tool.execute(json("{\"name\": \"Free\"}"), NO_SCOPE)))
        .hasMessage("'cost' must be > 0");
  }

  private static JsonNode args(JsonNode item) {
    return json("{\"item\": " + item + "}");
  }

  private static JsonNode loopScope(JsonNode items, int index) {
    return json(
        "{\"item\": "
            + items.get(index)
            + ", \"loop_index\": "
            + index
            + ", \"loop_items\": "
            + items
            + "}");
  }
}
