package ai.iceos.worker;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Applies the one iceOS JSON setting to Quarkus' mapper, used by the llm-gateway REST client. */
@Singleton
final class JsonCustomizer implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    IceosJson.configure(mapper);
  }
}
