package ai.iceos.blueprint.api;

import ai.iceos.contracts.blueprint.Violation;
import java.util.List;

/** An expected failure of a request; {@link ProblemMapper} renders it. */
public final class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final List<Violation> errors;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<Violation> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public ProblemType type() {
    return type;
  }

  public List<Violation> errors() {
    return errors;
  }

  /** "N problems found; first: …", the detail of a rejected document. */
  public static ProblemException invalid(ProblemType type, List<Violation> violations) {
    String detail =
        violations.isEmpty()
            ? "the request is invalid"
            : "%d problem%s found; first: %s"
                .formatted(
                    violations.size(),
                    violations.size() == 1 ? "" : "s",
                    violations.get(0).detail());
    return new ProblemException(type, detail, violations);
  }
}
