package ai.iceos.contracts.blueprint;

import java.util.Objects;

/**
 * One problem found in a submitted blueprint.
 *
 * @param pointer RFC 6901 JSON Pointer into the submitted document ({@code
 *     /nodes/1/dependencies/0})
 * @param code stable kebab-case code ({@code unknown-dependency}, {@code cycle}); never re-meant
 * @param detail a sentence for humans
 */
public record Violation(String pointer, String code, String detail) {
  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
