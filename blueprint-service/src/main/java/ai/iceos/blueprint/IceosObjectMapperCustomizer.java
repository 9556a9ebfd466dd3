package ai.iceos.blueprint;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Makes the REST API speak the same JSON as the topics (snake_case, ISO instants). */
@Singleton
class IceosObjectMapperCustomizer implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    IceosJson.configure(mapper);
  }
}
