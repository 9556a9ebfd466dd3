package ai.iceos.worker.template;

import java.util.Set;

/**
 * Rewrites {@code a.empty} to {@code a['empty']} inside template tags when the attribute is a
 * keyword of Jinjava's expression language, so that {@code {{ a.b }}} reads the key {@code b} of a
 * map for every key name (SPEC §1.4). Quoted strings and text outside tags are left alone.
 */
final class ReservedAttributes {
  private static final Set<String> KEYWORDS =
      Set.of(
          "empty",
          "not",
          "and",
          "or",
          "div",
          "mod",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "true",
          "false",
          "null",
          "instanceof",
          "in",
          "is");

  private ReservedAttributes() {}

  static String rewrite(String template) {
    StringBuilder out = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      int open = nextTagOpen(template, i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      String close = template.charAt(open + 1) == '{' ? "}}" : "%}";
      int end = template.indexOf(close, open + 2);
      if (end < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, open + 2);
      out.append(rewriteExpression(template.substring(open + 2, end)));
      out.append(close);
      i = end + 2;
    }
    return out.toString();
  }

  private static int nextTagOpen(String template, int from) {
    int expression = template.indexOf("{{", from);
    int statement = template.indexOf("{%", from);
    if (expression < 0) {
      return statement;
    }
    return statement < 0 ? expression : Math.min(expression, statement);
  }

  /** Rewrites one bare expression (the inside of a tag). */
  static String rewriteExpression(String expression) {
    StringBuilder out = new StringBuilder(expression.length() + 8);
    char quote = 0;
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < expression.length()) {
          out.append(expression.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        i++;
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '.' && i > 0 && isAccessTarget(expression.charAt(i - 1))) {
        int wordEnd = i + 1;
        while (wordEnd < expression.length()
            && Character.isJavaIdentifierPart(expression.charAt(wordEnd))) {
          wordEnd++;
        }
        String word = expression.substring(i + 1, wordEnd);
        if (KEYWORDS.contains(word)) {
          out.append("['").append(word).append("']");
          i = wordEnd;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean isAccessTarget(char previous) {
    return Character.isJavaIdentifierPart(previous) || previous == ']' || previous == ')';
  }
}
