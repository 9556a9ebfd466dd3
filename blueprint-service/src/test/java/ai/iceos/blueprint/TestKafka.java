package ai.iceos.blueprint;

import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.serde.MessageSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plays the other services through the real broker: reads our commands, writes their events. */
public final class TestKafka {
  private static KafkaCompanion companion;
  private static final Map<String, ConsumerTask<String, String>> CONSUMERS =
      new ConcurrentHashMap<>();

  private TestKafka() {}

  private static synchronized KafkaCompanion companion() {
    if (companion == null) {
      companion =
          new KafkaCompanion(
              ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
    return companion;
  }

  /** Starts reading a topic from the beginning (once per test JVM). */
  public static void follow(String topic) {
    CONSUMERS.computeIfAbsent(
        topic,
        t ->
            companion()
                .consumeStrings()
                .withGroupId("blueprint-service-test-" + UUID.randomUUID())
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .fromTopics(t));
  }

  /** The value of the first record on {@code topic} that matches, as JSON. */
  public static JsonNode awaitRecord(
      String topic, Predicate<ConsumerRecord<String, JsonNode>> match) {
    follow(topic);
    ConsumerTask<String, String> task = CONSUMERS.get(topic);
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> find(task, match), Optional::isPresent)
        .orElseThrow();
  }

  /** How many records on {@code topic} match. */
  public static long count(String topic, Predicate<ConsumerRecord<String, JsonNode>> match) {
    follow(topic);
    return CONSUMERS.get(topic).getRecords().stream().map(TestKafka::parsed).filter(match).count();
  }

  private static Optional<JsonNode> find(
      ConsumerTask<String, String> task, Predicate<ConsumerRecord<String, JsonNode>> match) {
    return task.getRecords().stream()
        .map(TestKafka::parsed)
        .filter(match)
        .map(ConsumerRecord::value)
        .findFirst();
  }

  private static ConsumerRecord<String, JsonNode> parsed(ConsumerRecord<String, String> record) {
    return new ConsumerRecord<>(
        record.topic(), record.partition(), record.offset(), record.key(), json(record.value()));
  }

  /** Sends a contracts message as the producing service would. */
  public static void send(String topic, String key, Object message) {
    sendRaw(
        topic,
        key,
        new String(new MessageSerializer().serialize(topic, message), StandardCharsets.UTF_8));
  }

  /** Sends a text as is, e.g. a record no consumer can read. */
  public static void sendRaw(String topic, String key, String value) {
    companion()
        .produceStrings()
        .fromRecords(new ProducerRecord<>(topic, key, value))
        .awaitCompletion(Duration.ofSeconds(30));
  }

  /** A null value: removes the key from a compacted topic. */
  public static void sendTombstone(String topic, String key) {
    companion()
        .produceStrings()
        .fromRecords(new ProducerRecord<String, String>(topic, key, null))
        .awaitCompletion(Duration.ofSeconds(30));
  }

  public static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
