package ai.iceos.blueprint.store;

import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;

/**
 * What a compiler verdict writes into a revision, the jsonb columns as text.
 *
 * @param plan the plan's JSON when compiled, else null
 * @param errors the violations' JSON when rejected, else null
 */
record Verdict(BlueprintStatus status, String plan, String errors, boolean forbidden) {
  static Verdict of(BlueprintEvent event) {
    return switch (event) {
      case BlueprintCompiled compiled ->
          new Verdict(BlueprintStatus.COMPILED, JsonColumns.write(compiled.plan()), null, false);
      case BlueprintRejected rejected ->
          new Verdict(
              BlueprintStatus.INVALID,
              null,
              JsonColumns.write(rejected.violations()),
              rejected.forbidden());
    };
  }
}
