package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.json.IceosJson;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one message family from JSON. A record that cannot be read raises {@link
 * SerializationException}, which the Kafka connector's failure strategy sends to the dead-letter
 * topic instead of blocking the partition.
 */
public abstract class MessageDeserializer<T> implements Deserializer<T> {
  private final Class<T> family;

  protected MessageDeserializer(Class<T> family) {
    this.family = family;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return IceosJson.mapper().readValue(data, family);
    } catch (IOException | IllegalArgumentException e) {
      throw new SerializationException(
          "cannot read " + family.getSimpleName() + " from " + topic + ": " + e.getMessage(), e);
    }
  }
}
