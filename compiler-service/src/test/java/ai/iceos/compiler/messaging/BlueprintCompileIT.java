package ai.iceos.compiler.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.compiler.Fixtures;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.messaging.CompileBlueprint;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.testkit.KafkaResource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One CompileBlueprint in through a real broker, one verdict out, keyed by blueprint id. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class BlueprintCompileIT {
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> events;

  @BeforeEach
  void connect() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    kafka = new KafkaCompanion(bootstrap);
    events = kafka.consumeStrings().fromTopics(Topics.BLUEPRINT_EVENTS);
  }

  @AfterEach
  void disconnect() {
    events.close();
    kafka.close();
  }

  @Test
  void shouldAnswerAValidBlueprintWithItsCompiledPlan() {
    // given
    CompileBlueprint command = command("valid/research-llm-search-llm.json");

    // when
    send(command);

    // then
    BlueprintEvent answer = awaitAnswerTo(command);
    assertThat(answer).isInstanceOf(BlueprintCompiled.class);
    assertThat(answer.revision()).isEqualTo(command.revision());
    assertThat(answer.messageId()).isNotEqualTo(command.messageId());
    assertThat(((BlueprintCompiled) answer).plan().levels())
        .containsExactly(List.of("llm1"), List.of("search"), List.of("llm2"));
  }

  @Test
  void shouldAnswerAnInvalidBlueprintWithEveryViolation() {
    // given
    CompileBlueprint command = command("invalid/five-mistakes.json");
    List<Violation> expected =
        IceosJson.mapper()
            .convertValue(
                Fixtures.blueprint("invalid/five-mistakes.expected.json"),
                new TypeReference<List<Violation>>() {});

    // when
    send(command);

    // then
    BlueprintEvent answer = awaitAnswerTo(command);
    assertThat(answer)
        .isInstanceOfSatisfying(
            BlueprintRejected.class,
            rejected -> {
              assertThat(rejected.violations()).containsExactlyInAnyOrderElementsOf(expected);
              assertThat(rejected.forbidden()).isFalse();
            });
  }

  @Test
  void shouldDeadLetterAnUnreadableCommandAndKeepAnsweringTheNextOnes() {
    // given
    String key = "bp-garbage-" + UUID.randomUUID();
    CompileBlueprint next = command("valid/minimal-tool.json");
    ConsumerTask<String, String> deadLetters =
        kafka.consumeStrings().fromTopics(Topics.BLUEPRINT_COMMANDS + Topics.DEAD_LETTER_SUFFIX);

    // when
    kafka
        .produceStrings()
        .fromRecords(new ProducerRecord<>(Topics.BLUEPRINT_COMMANDS, key, "{not json"))
        .awaitCompletion();
    send(next);

    // then
    assertThat(awaitAnswerTo(next)).isInstanceOf(BlueprintCompiled.class);
    await()
        .atMost(ANSWER_TIMEOUT)
        .until(() -> deadLetters.getRecords().stream().anyMatch(r -> key.equals(r.key())));
    deadLetters.close();
  }

  private static CompileBlueprint command(String fixture) {
    return new CompileBlueprint(
        UUID.randomUUID(),
        "bp-" + UUID.randomUUID(),
        "org-it",
        3,
        Fixtures.blueprint(fixture),
        Instant.now());
  }

  private void send(CompileBlueprint command) {
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

  /** The one event answering {@code command}; also checks it is keyed by the blueprint id. */
  private BlueprintEvent awaitAnswerTo(CompileBlueprint command) {
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
            .map(BlueprintCompileIT::read)
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
}
