package ai.iceos.worker.template;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells apart, for an expression Jinjava's strict mode rejected because it evaluated to {@code
 * null}, a value that is defined and {@code null} from one that is undefined. Only a plain path
 * ({@code a}, {@code a.b}, {@code a['b']}, {@code a[0]}) whose every step exists in the scope and
 * whose last step holds {@code null} is defined; a path that walks through a {@code null} before
 * its end reads an attribute of {@code null}.
 */
final class NullPaths {
  private static final Pattern PATH =
      Pattern.compile(
          "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\s*(?:'[^']*'|\"[^\"]*\"|\\d+)\\s*\\])*");
  private static final Pattern STEP =
      Pattern.compile(
          "\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*(?:'([^']*)'|\"([^\"]*)\"|(\\d+))\\s*\\]");
  private static final Pattern HEAD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*");

  /** What a rejected expression means. */
  sealed interface Verdict {}

  /** The path exists and its value is {@code null}. */
  record DefinedNull() implements Verdict {}

  /** The path reads {@code step} of {@code prefix}, whose value is {@code null}. */
  record AttributeOfNull(String prefix, String step) implements Verdict {}

  /** Anything else: treated as undefined. */
  record Undefined() implements Verdict {}

  private NullPaths() {}

  static Verdict judge(String expression, Map<String, Object> scope) {
    String path = expression.strip();
    if (!PATH.matcher(path).matches()) {
      return new Undefined();
    }
    Matcher head = HEAD.matcher(path);
    head.find();
    String name = head.group();
    if (!scope.containsKey(name)) {
      return new Undefined();
    }
    Object value = scope.get(name);
    String prefix = name;
    Matcher step = STEP.matcher(path);
    int at = head.end();
    while (at < path.length() && step.find(at) && step.start() == at) {
      String key = firstNonNull(step.group(1), step.group(2), step.group(3));
      if (value == null) {
        return new AttributeOfNull(prefix, key != null ? key : step.group(4));
      }
      if (key != null && value instanceof Map<?, ?> map && map.containsKey(key)) {
        value = map.get(key);
      } else if (key == null && value instanceof List<?> list && isIndexOf(step.group(4), list)) {
        value = list.get(Integer.parseInt(step.group(4)));
      } else {
        return new Undefined();
      }
      prefix = path.substring(0, step.end());
      at = step.end();
    }
    return value == null ? new DefinedNull() : new Undefined();
  }

  private static boolean isIndexOf(String digits, List<?> list) {
    return digits.length() <= 9 && Integer.parseInt(digits) < list.size();
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
