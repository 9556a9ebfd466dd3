package ai.iceos.scheduler.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TaskScopeTest {
  private static final JsonNode OUTPUT =
      json("{\"rows\":[{\"price\":3},{\"price\":5}],\"meta\":{\"source\":\"csv\"}}");

  @Test
  void shouldResolveDottedPathsThroughObjectsAndLists() {
    assertThat(TaskScope.resolve(OUTPUT, "meta.source").asText()).isEqualTo("csv");
    assertThat(TaskScope.resolve(OUTPUT, "rows.1.price").asInt()).isEqualTo(5);
    assertThat(TaskScope.resolve(OUTPUT, "")).isEqualTo(OUTPUT);
  }

  @Test
  void shouldGiveNullForPathsThatDoNotResolve() {
    assertThat(TaskScope.resolve(OUTPUT, "meta.missing.deeper").isNull()).isTrue();
    assertThat(TaskScope.resolve(OUTPUT, "rows.7").isNull()).isTrue();
    assertThat(TaskScope.resolve(OUTPUT, "rows.x").isNull()).isTrue();
    assertThat(TaskScope.resolve(null, "a").isNull()).isTrue();
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
