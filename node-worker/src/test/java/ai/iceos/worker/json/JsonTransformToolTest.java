package ai.iceos.worker.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.tool.ToolContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JsonTransformToolTest {
  private static final String DATA =
      "{\"rows\": [{\"name\": \"Tile\", \"price\": 375.0}, {\"name\": \"Vanity\", \"price\": 187.5}]}";

  private final JsonTransformTool tool = new JsonTransformTool();

  @Test
  void shouldSelectWithDefiniteAndIndefinitePaths() {
    assertThat(select("$.rows[1].name")).isEqualTo(json("\"Vanity\""));
    assertThat(select("$.rows[*].price")).isEqualTo(json("[375.0, 187.5]"));
    assertThat(select("$.rows[?(@.price > 200)].name")).isEqualTo(json("[\"Tile\"]"));
  }

  @Test
  void shouldGiveNullForAMissingDefinitePath() {
    assertThat(select("$.rows[0].colour").isNull()).isTrue();
    assertThat(select("$.nothing.here").isNull()).isTrue();
  }

  @Test
  void shouldRejectAnInvalidExpressionPermanently() {
    assertThatThrownBy(() -> select("$.rows[?("))
        .hasMessageStartingWith("Invalid JSONPath '$.rows[?('");
  }

  private JsonNode select(String expression) {
    var args = IceosJson.mapper().createObjectNode();
    args.set("data", json(DATA));
    args.put("expression", expression);
    return tool.execute(args, new ToolContext("e", "n", "t", null, 1))
        .await()
        .atMost(Duration.ofSeconds(5))
        .get("result");
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
