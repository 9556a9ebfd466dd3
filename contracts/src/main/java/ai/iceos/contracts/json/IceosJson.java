package ai.iceos.contracts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON setting of iceOS: snake_case everywhere, ISO-8601 instants, absent instead of null
 * for optional fields, and unknown properties ignored so that message contracts can grow
 * additively.
 *
 * <p>Services apply {@link #configure(ObjectMapper)} to Quarkus' own mapper (REST) and Kafka serdes
 * use {@link #mapper()}, so the REST API and the topics speak the same JSON.
 */
public final class IceosJson {
  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private IceosJson() {}

  /** Applies the iceOS settings to {@code mapper} and returns it. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  /** A shared, configured mapper; thread-safe for reading and writing. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
