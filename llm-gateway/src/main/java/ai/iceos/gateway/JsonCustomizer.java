package ai.iceos.gateway;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Applies the one iceOS JSON setting (snake_case, ISO instants, no nulls) to the REST mapper. */
@Singleton
final class JsonCustomizer implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    IceosJson.configure(mapper);
  }
}
