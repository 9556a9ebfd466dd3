package ai.iceos.compiler.compile;

import ai.iceos.compiler.validate.BlueprintValidator;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.plan.ExecutionPlan;
import java.util.List;
import java.util.Objects;

/** The verdict on one blueprint document. */
public sealed interface CompileResult {

  /** Valid; {@code plan} is what executions run. */
  record Compiled(ExecutionPlan plan) implements CompileResult {
    public Compiled {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** Invalid; {@code violations} lists every problem found (never empty). */
  record Rejected(List<Violation> violations) implements CompileResult {
    public Rejected {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one violation");
      }
    }

    /** Whether the only problems are policy denials (the API answers 403, not 422). */
    public boolean forbidden() {
      return BlueprintValidator.onlyPolicyDenials(violations);
    }
  }
}
