package ai.iceos.worker.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a task's JSON scope into the plain values Jinjava works with: {@link Map}s, {@link
 * List}s, {@link String}, {@link Long}, {@link Double}, {@link Boolean} and {@code null}. Plain
 * values keep templates from reaching Jackson's node methods.
 */
public final class TemplateScope {
  private TemplateScope() {}

  /** The scope as a map of top-level names; a non-object scope gives an empty map. */
  public static Map<String, Object> from(JsonNode scope) {
    Map<String, Object> names = new LinkedHashMap<>();
    if (scope != null && scope.isObject()) {
      scope.properties().forEach(e -> names.put(e.getKey(), toPlain(e.getValue())));
    }
    return names;
  }

  /** One JSON value as a plain Java value. */
  public static Object toPlain(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.properties().forEach(e -> map.put(e.getKey(), toPlain(e.getValue())));
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>(value.size());
      value.forEach(item -> list.add(toPlain(item)));
      return list;
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.doubleValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.asText();
  }

  /**
   * A value produced by a template back as JSON. Maps keep their null entries; anything that is not
   * a map, collection, number, boolean or string becomes its string form.
   */
  public static JsonNode toJson(Object value) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    return switch (value) {
      case null -> json.nullNode();
      case JsonNode node -> node.deepCopy();
      case Map<?, ?> map -> {
        ObjectNode object = json.objectNode();
        map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
        yield object;
      }
      case Iterable<?> items -> {
        ArrayNode array = json.arrayNode();
        items.forEach(item -> array.add(toJson(item)));
        yield array;
      }
      case Object[] items -> {
        ArrayNode array = json.arrayNode();
        for (Object item : items) {
          array.add(toJson(item));
        }
        yield array;
      }
      case Integer i -> json.numberNode(i);
      case Long l when l == l.intValue() -> json.numberNode(l.intValue());
      case Long l -> json.numberNode(l);
      case Short s -> json.numberNode(s);
      case Byte b -> json.numberNode(b);
      case BigInteger big -> json.numberNode(big);
      case BigDecimal decimal -> json.numberNode(decimal);
      case Number number -> json.numberNode(number.doubleValue());
      case Boolean bool -> json.booleanNode(bool);
      default -> json.textNode(String.valueOf(value));
    };
  }
}
