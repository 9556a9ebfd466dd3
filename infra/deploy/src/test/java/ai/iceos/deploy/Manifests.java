package ai.iceos.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Multi-document YAML files as plain maps, plus the few accessors the checks share. */
final class Manifests {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Manifests() {}

  /** Every non-empty document of a YAML file, in order. */
  static List<Map<String, Object>> read(Path file) {
    try (MappingIterator<Map<String, Object>> docs =
        YAML.readerFor(new TypeReference<Map<String, Object>>() {}).readValues(file.toFile())) {
      List<Map<String, Object>> result = new ArrayList<>();
      while (docs.hasNext()) {
        Map<String, Object> doc = docs.next();
        if (doc != null && !doc.isEmpty()) {
          result.add(doc);
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The single document of a YAML file. */
  static Map<String, Object> readOne(Path file) {
    List<Map<String, Object>> docs = read(file);
    if (docs.size() != 1) {
      throw new IllegalStateException(file + " holds " + docs.size() + " documents, not 1");
    }
    return docs.getFirst();
  }

  /** The value at a path of map keys, e.g. {@code at(doc, "metadata", "name")}. */
  static Optional<Object> at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return Optional.empty();
      }
      current = map.get(key);
    }
    return Optional.ofNullable(current);
  }

  static String kind(Map<String, Object> doc) {
    return at(doc, "kind").map(Object::toString).orElse("");
  }

  static String name(Map<String, Object> doc) {
    return at(doc, "metadata", "name").map(Object::toString).orElse("");
  }

  /** {@code Kind/name}, how problems name a resource. */
  static String id(Map<String, Object> doc) {
    return kind(doc) + "/" + name(doc);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List<?> ? (List<Object>) node : List.of();
  }
}
