package ai.iceos.worker.messaging;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.serde.NodeOutcomeDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The worker's topics as an IT sees them: tasks sent to node-tasks, outcomes read back. */
final class WorkerTopics implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);

  final KafkaCompanion companion;
  private final ConsumerTask<String, String> outcomes;

  WorkerTopics(String bootstrapServers) {
    companion = new KafkaCompanion(bootstrapServers);
    outcomes = companion.consumeStrings().fromTopics(Topics.NODE_OUTCOMES);
  }

  void send(NodeTask... tasks) {
    List<ProducerRecord<String, String>> records =
        Stream.of(tasks)
            .map(task -> new ProducerRecord<>(Topics.NODE_TASKS, task.taskId(), write(task)))
            .toList();
    companion.produceStrings().fromRecords(records).awaitCompletion(WAIT);
  }

  /** Sends one task record carrying the W3C trace context {@code traceparent}. */
  void sendTraced(NodeTask task, String traceparent) {
    var record = new ProducerRecord<>(Topics.NODE_TASKS, task.taskId(), write(task));
    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    companion.produceStrings().fromRecords(record).awaitCompletion(WAIT);
  }

  /** The {@code traceparent} headers of one execution's outcome records so far. */
  List<String> traceparents(String executionId) {
    return outcomes.getRecords().stream()
        .filter(r -> executionId.equals(r.key()))
        .map(r -> r.headers().lastHeader("traceparent"))
        .map(h -> h == null ? "(none)" : new String(h.value(), StandardCharsets.UTF_8))
        .toList();
  }

  /** The outcomes of one execution so far, in partition order. */
  List<NodeOutcome> received(String executionId) {
    try (var deserializer = new NodeOutcomeDeserializer()) {
      return outcomes.getRecords().stream()
          .filter(r -> executionId.equals(r.key()))
          .map(r -> deserializer.deserialize(r.topic(), r.value().getBytes(StandardCharsets.UTF_8)))
          .toList();
    }
  }

  @Override
  public void close() {
    outcomes.close();
    companion.close();
  }

  static String write(Object message) {
    try {
      return IceosJson.mapper().writeValueAsString(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
