package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The scheduler's topics as a test sees them: sends commands and outcomes as the other services
 * would (JSON, keyed by execution id) and reads back what the scheduler published, per execution.
 */
final class SchedulerTopics implements AutoCloseable {
  private final KafkaCompanion companion;
  private final ConsumerTask<String, String> tasks;
  private final ConsumerTask<String, String> events;
  private final ConsumerTask<String, String> deadLetters;
  private final ConsumerTask<String, String> outcomeDeadLetters;
  private final ConsumerTask<String, String> cancellations;

  SchedulerTopics(String bootstrapServers) {
    companion = new KafkaCompanion(bootstrapServers);
    tasks = companion.consumeStrings().fromTopics(Topics.NODE_TASKS);
    events = companion.consumeStrings().fromTopics(Topics.RUN_EVENTS);
    deadLetters =
        companion.consumeStrings().fromTopics(Topics.RUN_COMMANDS + Topics.DEAD_LETTER_SUFFIX);
    cancellations = companion.consumeStrings().fromTopics(Topics.TASK_CANCELLATIONS);
    outcomeDeadLetters =
        companion.consumeStrings().fromTopics(Topics.NODE_OUTCOMES + Topics.DEAD_LETTER_SUFFIX);
  }

  /** Task cancellations of one execution in arrival order. */
  List<CancelTasks> cancellations(String executionId) {
    return cancellations.getRecords().stream()
        .filter(record -> executionId.equals(record.key()))
        .map(record -> read(record.value(), CancelTasks.class))
        .toList();
  }

  void send(RunCommand command) {
    produce(Topics.RUN_COMMANDS, command.executionId(), json(command));
  }

  void send(NodeOutcome outcome) {
    produce(Topics.NODE_OUTCOMES, outcome.executionId(), json(outcome));
  }

  /** Sends an outcome with a W3C {@code traceparent} header, as a traced worker would. */
  void sendTraced(NodeOutcome outcome, String traceparent) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(Topics.NODE_OUTCOMES, outcome.executionId(), json(outcome));
    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    companion.produceStrings().fromRecords(record).awaitCompletion();
  }

  /** The {@code traceparent} header of the task record with this task id, or null. */
  String taskTraceparent(String taskId) {
    for (ConsumerRecord<String, String> record : tasks.getRecords()) {
      Header header = record.headers().lastHeader("traceparent");
      if (taskId.equals(record.key()) && header != null) {
        return new String(header.value(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  void sendRaw(String key, String value) {
    produce(Topics.RUN_COMMANDS, key, value);
  }

  /**
   * Sends outcome records (raw JSON) on one execution's key in one producer batch, so that the
   * scheduler most likely polls them together.
   */
  void sendRawOutcomes(String key, List<String> values) {
    companion
        .produceStrings()
        .fromRecords(
            values.stream()
                .map(value -> new ProducerRecord<>(Topics.NODE_OUTCOMES, key, value))
                .toList())
        .awaitCompletion();
  }

  /** Keys of the records in the node outcomes' dead-letter topic. */
  List<String> deadLetteredOutcomeKeys() {
    return outcomeDeadLetters.getRecords().stream().map(ConsumerRecord::key).toList();
  }

  /** Tasks of one execution in arrival order; a record delivered twice is listed once. */
  List<NodeTask> tasks(String executionId) {
    Map<Object, NodeTask> unique = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : tasks.getRecords()) {
      NodeTask task = read(record.value(), NodeTask.class);
      if (task.executionId().equals(executionId)) {
        unique.putIfAbsent(task.messageId(), task);
      }
    }
    return List.copyOf(unique.values());
  }

  /** Events of one execution in arrival order; a record delivered twice is listed once. */
  List<RunEvent> events(String executionId) {
    Map<Object, RunEvent> unique = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : events.getRecords()) {
      if (executionId.equals(record.key())) {
        RunEvent event = read(record.value(), RunEvent.class);
        unique.putIfAbsent(event.messageId(), event);
      }
    }
    return List.copyOf(unique.values());
  }

  /** Keys of the records in the run commands' dead-letter topic. */
  List<String> deadLetteredKeys() {
    return deadLetters.getRecords().stream().map(ConsumerRecord::key).toList();
  }

  @Override
  public void close() {
    tasks.close();
    events.close();
    deadLetters.close();
    outcomeDeadLetters.close();
    cancellations.close();
    companion.close();
  }

  private void produce(String topic, String key, String value) {
    companion
        .produceStrings()
        .fromRecords(new ProducerRecord<>(topic, key, value))
        .awaitCompletion();
  }

  static String json(Object message) {
    try {
      return IceosJson.mapper().writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return IceosJson.mapper().readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
