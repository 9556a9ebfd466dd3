package ai.iceos.gateway.routing;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One routing rule: models matching {@code pattern} (a glob: {@code *} any characters, {@code ?}
 * one character; case-sensitive) go to {@code provider}.
 */
public record Route(String pattern, String provider) {
  /** Each pattern compiled once: routing runs several times per call. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

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

  /** A pattern without wildcards names exactly one model. */
  public boolean namesOneModel() {
    return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
  }

  public boolean matches(String model) {
    return COMPILED.computeIfAbsent(pattern, Route::toRegex).matcher(model).matches();
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
