package ai.iceos.scheduler;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Quarkus' ObjectMapper speaks the same JSON as the topics. */
@Singleton
final class JsonCustomizer implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    IceosJson.configure(mapper);
  }
}
