package ai.iceos.blueprint.store;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * jsonb columns travel as text ({@code cast(cast(? as text) as jsonb)} in, {@code cast(col as
 * text)} out, see the entities' {@code @ColumnTransformer}s) so neither Hibernate nor the SQL
 * client guesses how to encode a value.
 */
final class JsonColumns {
  private JsonColumns() {}

  static String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return IceosJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return IceosJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(String json, TypeReference<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return IceosJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    return read(json, JsonNode.class);
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
