package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The defensive copies every node record makes of what it is given (absent becomes empty). */
final class NodeFields {
  private NodeFields() {}

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static <K, V> Map<K, V> map(Map<K, V> values) {
    return values == null ? Map.of() : Map.copyOf(values);
  }

  static JsonNode copy(JsonNode value) {
    return value == null ? null : value.deepCopy();
  }
}
