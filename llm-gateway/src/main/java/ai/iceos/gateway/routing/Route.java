package ai.iceos.gateway.routing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One routing rule: models matching {@code pattern} (a glob: {@code *} any characters, {@code ?}
 * one character; case-sensitive) go to {@code provider}.
 */
public record Route(String pattern, String provider) {
  public Route {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(provider, "provider");
    if (pattern.isBlank() || provider.isBlank()) {
      throw new IllegalArgumentException("route needs a pattern and a provider");
    }
  }

  /** A rule written as {@code pattern=provider}. */
  public static Route parse(String rule) {
    int eq = rule.lastIndexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("route must be pattern=provider: " + rule);
    }
    return new Route(rule.substring(0, eq).strip(), rule.substring(eq + 1).strip());
  }

  public boolean matches(String model) {
    return toRegex(pattern).matcher(model).matches();
  }

  private static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
