package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.json.IceosJson;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one message family from JSON. A record that cannot be read raises {@link
 * SerializationException}. SmallRye's Kafka connector stops the channel on such an exception by
 * default, so every consumer sets {@code fail-on-deserialization-failure=false} and sends the
 * resulting null-payload message to its dead-letter topic (docs/architecture.md): a poison record
 * never blocks a partition.
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
