package ai.iceos.worker.seller;

import static ai.iceos.worker.tool.ToolFixtures.NO_SCOPE;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static ai.iceos.worker.tool.ToolFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AggregatorToolTest {
  private final AggregatorTool tool = new AggregatorTool();

  @Test
  void shouldCountFailedItemsFromExplicitItems() {
    JsonNode summary =
        await(
            tool.execute(
                json(
                    "{\"items\": [{\"a\": 1}, null, {\"error\": \"x\"}, {\"success\": false}, 3]}"),
                NO_SCOPE));

    assertThat(summary.get("total").asInt()).isEqualTo(5);
    assertThat(summary.get("success").asInt()).isEqualTo(1);
    assertThat(summary.get("failures").asInt()).isEqualTo(4);
  }

  @Test
  void shouldFindTheListInTheFirstDependencyThatHasOne() {
    JsonNode scope =
        json(
            "{\"inputs\": {\"items\": [1]}, \"meta\": {\"n\": 1}, \"loop\": {\"items\": [{\"ok\": true}]}}");

    JsonNode summary = await(tool.execute(json("{}"), scope(scope, "meta", "loop")));

    assertThat(summary.get("total").asInt()).isEqualTo(1);
    assertThat(summary.get("items")).isEqualTo(json("[{\"ok\": true}]"));
  }

  @Test
  void shouldFailPermanentlyWhenNoListIsFound() {
    assertThatThrownBy(() -> await(tool.execute(json("{}"), scope(json("{\"a\": 1}"), "a"))))
        .hasMessageContaining("aggregator needs 'items'");
  }
}
