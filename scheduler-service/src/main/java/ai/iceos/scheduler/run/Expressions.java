package ai.iceos.scheduler.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions the scheduler evaluates itself (SPEC §1.4): a condition's {@code expression}, a
 * loop's {@code items_source} and a workflow node's {@code config_overrides} templates, with
 * Jinjava (the library the worker renders templates with), strict: an undefined name is an error.
 */
final class Expressions {
  private static final Pattern SINGLE_EXPRESSION =
      Pattern.compile("^\\s*\\{\\{((?:(?!\\{\\{|\\}\\}).)*)\\}\\}\\s*$", Pattern.DOTALL);
  private static final Pattern NAME =
      Pattern.compile("((?:[.|]\\s*)?)(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern QUOTED =
      Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IS_TEST = Pattern.compile("\\bis(\\s+not)?\\s+$");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "not",
          "in",
          "is",
          "if",
          "else",
          "true",
          "false",
          "True",
          "False",
          "none",
          "None",
          "null",
          "empty",
          "div",
          "mod",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "instanceof");
  private static final String UNKNOWN_TOKEN = "Unknown token found: ";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Jinjava JINJAVA =
      new Jinjava(
          JinjavaConfig.newBuilder()
              .withFailOnUnknownTokens(true)
              .withNestedInterpretationEnabled(false)
              .build());

  private Expressions() {}

  /** An expression or template could not be evaluated; the message names the cause. */
  static final class ExpressionException extends RuntimeException {
    ExpressionException(String message) {
      super(message);
    }
  }

  /** Evaluates a condition's expression (no braces); it must yield a boolean. */
  static boolean condition(String expression, JsonNode scope) {
    return test(expression, scope, "expression", "Condition expression");
  }

  /**
   * Evaluates a boolean expression of another field ({@code metric_expression}, {@code
   * convergence_condition}); {@code label} names it in the error of a non-boolean result.
   */
  static boolean test(String expression, JsonNode scope, String field, String label) {
    Object value = evaluate(expression, scope, field);
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw new ExpressionException(
        label
            + " '"
            + expression
            + "' must yield a boolean, got "
            + (value == null
                ? "null"
                : MAPPER.valueToTree(value).getNodeType().name().toLowerCase()));
  }

  /**
   * Resolves a loop's {@code items_source} to a list: a template that is exactly one {@code {{ expr
   * }}}, or a dotted path into the scope ({@code load_csv.rows}).
   */
  static JsonNode items(String source, JsonNode scope) {
    Matcher single = SINGLE_EXPRESSION.matcher(source);
    JsonNode value;
    if (single.matches()) {
      value = MAPPER.valueToTree(evaluate(single.group(1).strip(), scope, "items_source"));
    } else if (source.contains("{{")) {
      throw new ExpressionException(
          "items_source must be one {{ expression }} or a dotted path, got '" + source + "'");
    } else {
      String path = source.strip();
      String head = path.split("\\.", 2)[0];
      if (!scope.has(head)) {
        throw new ExpressionException(
            "Template error in items_source: '" + head + "' is undefined");
      }
      value = TaskScope.resolve(scope, path);
    }
    if (value == null || !value.isArray()) {
      throw new ExpressionException(
          "items_source '"
              + source
              + "' must resolve to a list, got "
              + (value == null ? "null" : value.getNodeType().name().toLowerCase()));
    }
    return value;
  }

  /**
   * Renders the templates inside {@code value} (SPEC §1.4), objects and arrays recursively: a
   * string that is exactly one {@code {{ expr }}} keeps the value's JSON type, any other string
   * holding a template renders to a string, other values are copied. {@code field} names the place
   * in errors ({@code config_overrides.mode}).
   */
  static JsonNode render(JsonNode value, JsonNode scope, String field) {
    if (value.isTextual()) {
      return renderString(value.textValue(), scope, field);
    }
    if (value.isObject()) {
      ObjectNode rendered = MAPPER.createObjectNode();
      value
          .properties()
          .forEach(
              e -> rendered.set(e.getKey(), render(e.getValue(), scope, field + "." + e.getKey())));
      return rendered;
    }
    if (value.isArray()) {
      ArrayNode rendered = MAPPER.createArrayNode();
      for (int i = 0; i < value.size(); i++) {
        rendered.add(render(value.get(i), scope, field + "[" + i + "]"));
      }
      return rendered;
    }
    return value.deepCopy();
  }

  private static JsonNode renderString(String template, JsonNode scope, String field) {
    if (!template.contains("{{") && !template.contains("{%")) {
      return TextNode.valueOf(template);
    }
    Matcher single = SINGLE_EXPRESSION.matcher(template);
    if (single.matches()) {
      JsonNode typed = MAPPER.valueToTree(evaluate(single.group(1).strip(), scope, field));
      return typed == null ? NullNode.instance : typed;
    }
    RenderResult result = JINJAVA.renderForResult(template, names(scope));
    for (TemplateError error : result.getErrors()) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        throw failure(field, error);
      }
    }
    return TextNode.valueOf(result.getOutput());
  }

  /**
   * Jinjava reports an undefined name only where its value is printed, not inside a comparison or a
   * boolean operator ({@code missing > 1} is false), so every free name of the expression is
   * checked against the scope first: a name not after a dot, a filter bar or {@code is} (a test),
   * not a keyword, not called as a function, and not tested with {@code is defined}.
   */
  private static void requireDefined(String expression, JsonNode scope, String field) {
    String code = stripStrings(expression);
    Matcher names = NAME.matcher(code);
    while (names.find()) {
      String name = names.group(2);
      String before = names.group(1).strip();
      String after = code.substring(names.end());
      boolean test = IS_TEST.matcher(code.substring(0, names.start(2))).find();
      boolean free =
          before.isEmpty()
              && !test
              && !KEYWORDS.contains(name)
              && !after.stripLeading().startsWith("(")
              && !after.stripLeading().matches("(?s)^is\\s+(not\\s+)?(un)?defined\\b.*");
      if (free && !scope.has(name)) {
        throw undefined(field, name);
      }
    }
  }

  /** Replaces quoted strings by blanks of the same length, so names inside them are not seen. */
  private static String stripStrings(String expression) {
    return QUOTED.matcher(expression).replaceAll(m -> " ".repeat(m.group().length()));
  }

  private static Object evaluate(String expression, JsonNode scope, String field) {
    requireDefined(expression, scope, field);
    JinjavaInterpreter interpreter = JINJAVA.newInterpreter();
    interpreter.getContext().putAll(names(scope));
    try (var current = JinjavaInterpreter.closeablePushCurrent(interpreter).get()) {
      Object value = current.value().resolveELExpression(expression, 1);
      for (TemplateError error : interpreter.getErrors()) {
        if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
          throw failure(field, error);
        }
      }
      return value;
    } catch (UnknownTokenException e) {
      throw undefined(field, e.getToken());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> names(JsonNode scope) {
    return MAPPER.convertValue(scope, Map.class);
  }

  private static ExpressionException failure(String field, TemplateError error) {
    if (error.getException() instanceof UnknownTokenException unknown) {
      return undefined(field, unknown.getToken());
    }
    String message = String.valueOf(error.getMessage());
    int unknownAt = message.indexOf(UNKNOWN_TOKEN);
    if (unknownAt >= 0) {
      return undefined(field, message.substring(unknownAt + UNKNOWN_TOKEN.length()));
    }
    return new ExpressionException("Template error in " + field + ": " + message);
  }

  private static ExpressionException undefined(String field, String token) {
    return new ExpressionException(
        "Template error in " + field + ": '" + token.strip() + "' is undefined");
  }
}
