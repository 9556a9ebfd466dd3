package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.List;

/**
 * One check of a submitted blueprint. A rule reports only its own code and skips values of the
 * wrong JSON type (those are {@link JsonTypeRule}'s), so one mistake gives one violation.
 */
interface BlueprintRule {
  /** Every violation of this rule in {@code document}, in document order. */
  List<Violation> check(BlueprintDocument document);
}
