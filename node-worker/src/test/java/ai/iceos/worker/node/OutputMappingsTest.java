package ai.iceos.worker.node;

import static ai.iceos.worker.node.Tasks.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputMappingsTest {
  private final com.fasterxml.jackson.databind.JsonNode output =
      json("{\"data\": {\"rows\": [{\"id\": 7}, {\"id\": 8}], \"n\": 2}, \"ok\": true}");

  @Test
  void shouldAddAliasesForDottedPaths() {
    var mapped =
        OutputMappings.apply(output, Map.of("count", "data.n", "second", "data.rows.1.id"));

    assertThat(mapped.get("count")).isEqualTo(json("2"));
    assertThat(mapped.get("second")).isEqualTo(json("8"));
    assertThat(mapped.get("ok")).isEqualTo(json("true"));
  }

  @Test
  void shouldMapEmptyPathToWholeOutputAndMissingPathToNull() {
    var mapped = OutputMappings.apply(output, Map.of("all", "", "gone", "data.nope.x"));

    assertThat(mapped.get("all")).isEqualTo(output);
    assertThat(mapped.get("gone").isNull()).isTrue();
  }

  @Test
  void shouldLeaveOutputUnchangedWithoutMappingsOrForNonObjects() {
    assertThat(OutputMappings.apply(output, Map.of())).isSameAs(output);
    var list = json("[1, 2]");
    assertThat(OutputMappings.apply(list, Map.of("a", "0"))).isEqualTo(list);
  }
}
