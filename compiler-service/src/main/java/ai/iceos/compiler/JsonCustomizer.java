package ai.iceos.compiler;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Gives Quarkus' own ObjectMapper the iceOS JSON settings, so REST and Kafka agree. */
@Singleton
final class JsonCustomizer implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    IceosJson.configure(mapper);
  }
}
