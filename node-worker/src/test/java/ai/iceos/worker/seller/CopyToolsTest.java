package ai.iceos.worker.seller;

import static ai.iceos.worker.tool.ToolFixtures.NO_SCOPE;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** title_description_generator, facebook_formatter and writer_tool. */
class CopyToolsTest {
  @Test
  void shouldWriteOfflineTitleAndDescription() {
    JsonNode copy =
        await(
            new TitleDescriptionGeneratorTool()
                .execute(
                    json(
                        "{\"item\": {\"Product/Item\": \"Vanity\", \"Description\": \"Hepburn 30\"}}"),
                    NO_SCOPE));

    assertThat(copy)
        .isEqualTo(json("{\"title\": \"TEST Vanity\", \"description\": \"Hepburn 30\"}"));
  }

  @Test
  void shouldFormatAListingForFacebookMarketplace() {
    JsonNode item =
        await(
            new FacebookFormatterTool()
                .execute(
                    json(
                        "{\"listing\": {\"title\": \"TEST Vanity\", \"price\": 187.5, \"sku\": \"vanity-1\","
                            + " \"description\": \"White\"}, \"condition\": \"used_good\","
                            + " \"category\": \"home_improvement\", \"currency\": \"USD\"}"),
                    NO_SCOPE));

    assertThat(item.get("title").asText()).isEqualTo("TEST Vanity");
    assertThat(item.get("price").decimalValue().toPlainString()).isEqualTo("187.50");
    assertThat(item.get("availability").asText()).isEqualTo("in_stock");
    assertThat(item.get("sku").asText()).isEqualTo("vanity-1");
  }

  @Test
  void shouldWriteAMarkdownReportWithOneBulletPerItem() {
    JsonNode report =
        await(
            new WriterTool()
                .execute(
                    json(
                        "{\"title\": \"Listings\", \"content\": \"Two items\", \"format\": \"markdown\","
                            + " \"items\": [{\"title\": \"TEST A\", \"price\": 1.5}, \"plain\"]}"),
                    NO_SCOPE));

    assertThat(report.get("text").asText())
        .isEqualTo("# Listings\n\nTwo items\n\n- TEST A — 1.5\n- plain\n");
    assertThat(report.get("lines").asInt()).isEqualTo(6);
  }
}
