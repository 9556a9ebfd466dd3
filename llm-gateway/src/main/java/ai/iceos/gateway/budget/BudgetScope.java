package ai.iceos.gateway.budget;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a budget limits: one execution ({@code execution:<id>}) or one organisation ({@code
 * org:<id>}). The text form is the budget's key.
 */
public record BudgetScope(Kind kind, String id) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");

  /** The kinds of scope, with their text prefix. */
  public enum Kind {
    EXECUTION("execution"),
    ORG("org");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** The scope written as {@code execution:<id>} or {@code org:<id>}, if well-formed. */
  public static Optional<BudgetScope> parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String prefix = text.substring(0, colon);
    String id = text.substring(colon + 1);
    if (!ID.matcher(id).matches()) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (kind.prefix.equals(prefix)) {
        return Optional.of(new BudgetScope(kind, id));
      }
    }
    return Optional.empty();
  }

  public String key() {
    return kind.prefix + ":" + id;
  }
}
