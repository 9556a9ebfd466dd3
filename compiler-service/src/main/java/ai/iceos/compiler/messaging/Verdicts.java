package ai.iceos.compiler.messaging;

import ai.iceos.compiler.compile.CompileResult;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.messaging.CompileBlueprint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The event answering a {@link CompileBlueprint}: same blueprint id and revision, {@code
 * causation_id} = the command's {@code message_id}, a fresh {@code message_id}.
 */
final class Verdicts {
  static final String INTERNAL_ERROR = "internal-error";

  private Verdicts() {}

  static BlueprintEvent of(CompileBlueprint command, CompileResult result, Instant now) {
    return switch (result) {
      case CompileResult.Compiled compiled ->
          new BlueprintCompiled(
              UUID.randomUUID(),
              command.messageId(),
              command.blueprintId(),
              command.revision(),
              compiled.plan(),
              now);
      case CompileResult.Rejected rejected ->
          rejected(command, rejected.violations(), rejected.forbidden(), now);
    };
  }

  /** The answer when the compiler itself failed: the blueprint cannot be accepted as it is. */
  static BlueprintEvent internalError(CompileBlueprint command, Instant now) {
    Violation violation =
        new Violation(
            "",
            INTERNAL_ERROR,
            "The compiler failed unexpectedly on this blueprint; the failure is logged under"
                + " message id "
                + command.messageId()
                + ".");
    return rejected(command, List.of(violation), false, now);
  }

  private static BlueprintRejected rejected(
      CompileBlueprint command, List<Violation> violations, boolean forbidden, Instant now) {
    return new BlueprintRejected(
        UUID.randomUUID(),
        command.messageId(),
        command.blueprintId(),
        command.revision(),
        violations,
        forbidden,
        now);
  }
}
