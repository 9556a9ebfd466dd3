package ai.iceos.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A throw-away consumer that reads a topic from its beginning, outside every service's group. */
final class AuditConsumer {
  private AuditConsumer() {}

  static <V> KafkaConsumer<String, V> of(
      String bootstrap, String topic, Deserializer<V> valueDeserializer) {
    var props =
        Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "system-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    var consumer = new KafkaConsumer<>(props, new StringDeserializer(), valueDeserializer);
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
