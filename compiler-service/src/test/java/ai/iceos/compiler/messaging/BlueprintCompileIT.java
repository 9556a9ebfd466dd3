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
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One CompileBlueprint in through a real broker, one verdict out, keyed by blueprint id. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class BlueprintCompileIT {
  private CompilerRoundTrip compiler;
  private KafkaCompanion kafka;

  @BeforeEach
  void connect() {
    compiler = CompilerRoundTrip.connect();
    kafka = compiler.kafka();
  }

  @AfterEach
  void disconnect() {
    compiler.close();
  }

  @Test
  void shouldAnswerAValidBlueprintWithItsCompiledPlan() {
    // given
    CompileBlueprint command = CompilerRoundTrip.command("valid/research-llm-search-llm.json");

    // when
    compiler.send(command);

    // then
    BlueprintEvent answer = compiler.awaitAnswerTo(command);
    assertThat(answer).isInstanceOf(BlueprintCompiled.class);
    assertThat(answer.revision()).isEqualTo(command.revision());
    assertThat(answer.messageId()).isNotEqualTo(command.messageId());
    assertThat(((BlueprintCompiled) answer).plan().levels())
        .containsExactly(List.of("llm1"), List.of("search"), List.of("llm2"));
  }

  @Test
  void shouldAnswerAnInvalidBlueprintWithEveryViolation() {
    // given
    CompileBlueprint command = CompilerRoundTrip.command("invalid/five-mistakes.json");
    List<Violation> expected =
        IceosJson.mapper()
            .convertValue(
                Fixtures.blueprint("invalid/five-mistakes.expected.json"),
                new TypeReference<List<Violation>>() {});

    // when
    compiler.send(command);

    // then
    BlueprintEvent answer = compiler.awaitAnswerTo(command);
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
    CompileBlueprint next = CompilerRoundTrip.command("valid/minimal-tool.json");
    ConsumerTask<String, String> deadLetters =
        kafka.consumeStrings().fromTopics(Topics.BLUEPRINT_COMMANDS + Topics.DEAD_LETTER_SUFFIX);

    // when
    kafka
        .produceStrings()
        .fromRecords(new ProducerRecord<>(Topics.BLUEPRINT_COMMANDS, key, "{not json"))
        .awaitCompletion();
    compiler.send(next);

    // then
    assertThat(compiler.awaitAnswerTo(next)).isInstanceOf(BlueprintCompiled.class);
    await()
        .atMost(CompilerRoundTrip.ANSWER_TIMEOUT)
        .until(() -> deadLetters.getRecords().stream().anyMatch(r -> key.equals(r.key())));
    deadLetters.close();
  }
}
