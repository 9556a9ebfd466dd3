package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's Seller Assistant, exactly as shipped in {@code examples/seller-assistant.json}: the
 * CSV is loaded by {@code csv_loader}, a loop runs {@code listing_agent} per row, and {@code
 * aggregator} sums up. Nine products, nine listings, two of them duplicates, prices at 25 % over
 * cost.
 */
class SellerAssistantSystemIT {
  private final IceosApi api = RunningSystem.api();

  @Test
  void shouldListEveryProductAtTheSeedsPrices() {
    // given
    String blueprintId = api.createCompiled(example("seller-assistant.json"));

    // when: with an unrelated run input that must not leak into the tools' arguments
    JsonNode view =
        api.startExecution(blueprintId, IceosJson.mapper().createObjectNode().put("name", "x"), 60)
            .expect(200)
            .json();

    // then
    assertThat(view.path("status").asText()).as(view.toPrettyString()).isEqualTo("completed");
    JsonNode summary = view.path("nodes").path("summarize").path("output");
    assertThat(summary.path("total").asInt()).isEqualTo(9);
    assertThat(summary.path("success").asInt()).isEqualTo(9);
    assertThat(summary.path("failures").asInt()).isZero();
    List<BigDecimal> prices = new ArrayList<>();
    List<Boolean> duplicates = new ArrayList<>();
    List<String> skus = new ArrayList<>();
    summary
        .path("items")
        .forEach(
            item -> {
              prices.add(item.path("price").decimalValue().setScale(2));
              duplicates.add(item.path("duplicate").asBoolean());
              skus.add(item.path("sku").asText());
            });
    assertThat(prices)
        .containsExactly(
            price("750.00"),
            price("125.00"),
            price("250.00"),
            price("375.00"),
            price("62.50"),
            price("25.00"),
            price("187.50"),
            price("375.00"),
            price("562.50"));
    assertThat(skus)
        .containsExactly(
            "refrigerator-690ebf",
            "infared-heating-panel-ba19a9",
            "infared-heating-panel-ba19a9",
            "tile-2dd2c6",
            "brick-veneer-120047",
            "fire-escape-ladder-be8beb",
            "vanity-46fcba",
            "vanity-46fcba",
            "bathtub-with-surround-4cf7f7");
    assertThat(duplicates)
        .containsExactly(false, false, true, false, false, false, false, true, false);
  }

  private static BigDecimal price(String value) {
    return new BigDecimal(value);
  }

  private static ObjectNode example(String name) {
    Path root = Path.of(System.getProperty("iceos.project.root", ".."));
    try {
      return (ObjectNode)
          IceosJson.mapper().readTree(root.resolve("examples").resolve(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
