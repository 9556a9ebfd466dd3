package ai.iceos.compiler.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.compiler.Fixtures;
import ai.iceos.compiler.compile.CompileResult;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.messaging.CompileBlueprint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerdictsTest {
  private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
  private final CompileBlueprint command =
      new CompileBlueprint(
          UUID.randomUUID(),
          "bp-1",
          "org-1",
          7,
          Fixtures.blueprint("valid/minimal-tool.json"),
          NOW.minusSeconds(1));

  @Test
  void shouldAnswerACompiledBlueprintWithItsPlan() {
    CompileResult result = Fixtures.compiler().compile(command.document());

    BlueprintEvent event = Verdicts.of(command, result, NOW);

    assertThat(event).isInstanceOf(BlueprintCompiled.class);
    assertAnswers(event);
    assertThat(((BlueprintCompiled) event).plan())
        .isEqualTo(((CompileResult.Compiled) result).plan());
  }

  @Test
  void shouldAnswerARejectedBlueprintWithEveryViolation() {
    List<Violation> violations =
        List.of(new Violation("/a", "x", "first"), new Violation("/b", "y", "second"));

    BlueprintEvent event = Verdicts.of(command, new CompileResult.Rejected(violations), NOW);

    assertAnswers(event);
    assertThat(event)
        .isInstanceOfSatisfying(
            BlueprintRejected.class,
            rejected -> {
              assertThat(rejected.violations()).isEqualTo(violations);
              assertThat(rejected.forbidden()).isFalse();
            });
  }

  @Test
  void shouldAnswerACompilerFailureWithAnInternalErrorRejection() {
    BlueprintEvent event = Verdicts.internalError(command, NOW);

    assertAnswers(event);
    assertThat(((BlueprintRejected) event).violations())
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.code()).isEqualTo("internal-error");
              assertThat(violation.pointer()).isEmpty();
            });
  }

  private void assertAnswers(BlueprintEvent event) {
    assertThat(event.causationId()).isEqualTo(command.messageId());
    assertThat(event.messageId()).isNotEqualTo(command.messageId());
    assertThat(event.blueprintId()).isEqualTo("bp-1");
    assertThat(event.revision()).isEqualTo(7);
    assertThat(event.occurredAt()).isEqualTo(NOW);
  }
}
