package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any iceOS message as JSON with {@link IceosJson}'s settings. */
public final class MessageSerializer implements Serializer<Object> {
  @Override
  public byte[] serialize(String topic, Object message) {
    if (message == null) {
      return null;
    }
    try {
      return IceosJson.mapper().writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot write " + message.getClass().getSimpleName(), e);
    }
  }
}
