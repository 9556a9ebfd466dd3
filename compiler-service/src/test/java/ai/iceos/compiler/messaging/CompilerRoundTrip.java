package ai.iceos.compiler.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.compiler.Fixtures;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.CompileBlueprint;
import ai.iceos.contracts.messaging.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** Sends compile commands through the broker and waits for the compiler's answers. */
final class CompilerRoundTrip implements AutoCloseable {
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaCompanion kafka;
  private final ConsumerTask<String, String> events;

  private CompilerRoundTrip(KafkaCompanion kafka) {
    this.kafka = kafka;
    this.events = kafka.consumeStrings().fromTopics(Topics.BLUEPRINT_EVENTS);
  }

  /** Connects to the broker the application under test uses. */
  static CompilerRoundTrip connect() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    return new CompilerRoundTrip(new KafkaCompanion(bootstrap));
  }

  KafkaCompanion kafka() {
    return kafka;
  }

  static CompileBlueprint command(String fixture) {
    return command(Fixtures.blueprint(fixture));
  }

  static CompileBlueprint command(JsonNode document) {
    return new CompileBlueprint(
        UUID.randomUUID(), "bp-" + UUID.randomUUID(), "org-it", 3, document, Instant.now());
  }

  void send(CompileBlueprint command) {
    try {
      String json = IceosJson.mapper().writeValueAsString(command);
      kafka
          .produceStrings()
          .fromRecords(new ProducerRecord<>(Topics.BLUEPRINT_COMMANDS, command.blueprintId(), json))
          .awaitCompletion();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code command} and returns its one answer. */
  BlueprintEvent compile(CompileBlueprint command) {
    send(command);
    return awaitAnswerTo(command);
  }

  /** The one event answering {@code command}; also checks it is keyed by the blueprint id. */
  BlueprintEvent awaitAnswerTo(CompileBlueprint command) {
    return await()
        .atMost(ANSWER_TIMEOUT)
        .until(() -> answerTo(command), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<BlueprintEvent> answerTo(CompileBlueprint command) {
    List<ConsumerRecord<String, String>> keyed =
        events.getRecords().stream().filter(r -> command.blueprintId().equals(r.key())).toList();
    List<BlueprintEvent> answers =
        keyed.stream()
            .map(CompilerRoundTrip::read)
            .filter(event -> event.causationId().equals(command.messageId()))
            .toList();
    assertThat(answers).hasSizeLessThanOrEqualTo(1);
    return answers.stream().findFirst();
  }

  private static BlueprintEvent read(ConsumerRecord<String, String> record) {
    try {
      return IceosJson.mapper().readValue(record.value(), BlueprintEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable event on " + record.topic(), e);
    }
  }

  @Override
  public void close() {
    events.close();
    kafka.close();
  }
}
