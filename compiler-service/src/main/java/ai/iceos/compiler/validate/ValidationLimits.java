package ai.iceos.compiler.validate;

/**
 * Bounds that keep compiling a hostile document cheap: beyond them the compiler answers with one
 * clear problem instead of analysing everything.
 *
 * @param maxNodes nodes in the whole blueprint, nested ones included
 * @param maxNestingDepth node lists inside node lists ({@code nodes} is depth 0, a loop body of a
 *     top-level node depth 1…)
 */
public record ValidationLimits(int maxNodes, int maxNestingDepth) {
  public ValidationLimits {
    if (maxNodes < 1 || maxNestingDepth < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** 5,000 nodes, nesting depth 8. */
  public static ValidationLimits standard() {
    return new ValidationLimits(5_000, 8);
  }
}
