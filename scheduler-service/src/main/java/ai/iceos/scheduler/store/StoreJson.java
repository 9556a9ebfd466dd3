package ai.iceos.scheduler.store;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * JSON of what the store keeps (run state, outbox payloads). The iceOS settings, plus decimals read
 * as {@link java.math.BigDecimal} exactly as written, so a stored value (a cost, a tool's number)
 * comes back unchanged.
 */
final class StoreJson {
  private static final ObjectMapper MAPPER =
      IceosJson.configure(new ObjectMapper())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private StoreJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a stored " + type.getSimpleName(), e);
    }
  }
}
