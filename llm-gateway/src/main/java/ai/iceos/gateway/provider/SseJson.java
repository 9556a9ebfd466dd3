package ai.iceos.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The JSON data of a provider's stream event; unreadable data fails the stream. */
final class SseJson {
  private SseJson() {}

  static JsonNode parse(ObjectMapper json, String provider, SseEvent event) {
    try {
      return json.readTree(event.data());
    } catch (IOException e) {
      throw new ProviderFailure(provider, 0, null, "stream event is not JSON");
    }
  }
}
