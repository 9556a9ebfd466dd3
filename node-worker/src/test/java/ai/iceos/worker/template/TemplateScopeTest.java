package ai.iceos.worker.template;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateScopeTest {
  @Test
  void shouldConvertJsonToPlainValues() throws Exception {
    JsonNode scope =
        IceosJson.mapper()
            .readTree(
                "{\"a\": {\"n\": 1, \"f\": 1.5, \"s\": \"x\", \"b\": false, \"z\": null, \"l\": [1]}}");

    Map<String, Object> plain = TemplateScope.from(scope);

    assertThat(plain.get("a"))
        .isEqualTo(
            new LinkedHashMap<>(Map.of("n", 1L, "f", 1.5, "s", "x", "b", false, "l", List.of(1L))) {
              {
                put("z", null);
              }
            });
  }

  @Test
  void shouldGiveEmptyScopeForNonObject() {
    assertThat(TemplateScope.from(IceosJson.mapper().getNodeFactory().arrayNode())).isEmpty();
  }

  @Test
  void shouldKeepNullEntriesWhenConvertingBackToJson() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", null);
    map.put("b", Arrays.asList(1, "x", true));

    assertThat(TemplateScope.toJson(map).toString()).isEqualTo("{\"a\":null,\"b\":[1,\"x\",true]}");
  }
}
