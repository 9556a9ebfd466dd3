package ai.iceos.worker.template;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code {{ }}} templates with Jinjava per SPEC §1.4: strict (an undefined name fails),
 * {@code a.b} on a map reads the key {@code b}, and a string that is exactly one {@code {{ expr }}}
 * keeps the value's JSON type while any other template gives a string. Thread-safe.
 */
public final class TemplateRenderer {
  private static final Pattern SINGLE_EXPRESSION =
      Pattern.compile(
          "^\\{\\{(?!-)((?:(?!\\{\\{|\\}\\}|\\{%|\\{#).)*?)(?<!-)\\}\\}$", Pattern.DOTALL);
  private static final long MAX_OUTPUT_CHARS = 1_000_000;
  private static final String UNKNOWN_TOKEN = "Unknown token found: ";

  private final Jinjava jinjava;
  private final ObjectMapper mapper = IceosJson.mapper();

  public TemplateRenderer() {
    this.jinjava =
        new Jinjava(
            JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withExecutionMode(new NullAwareExecutionMode())
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                .withNestedInterpretationEnabled(false)
                .build());
  }

  /**
   * Renders every string inside {@code value} (objects and arrays recursively); other values are
   * returned unchanged.
   *
   * @throws TemplateException naming the field path and the undefined name or bad expression
   */
  public JsonNode renderTree(JsonNode value, Map<String, Object> scope, String path) {
    if (value.isTextual()) {
      return render(value.textValue(), scope, path);
    }
    if (value.isObject()) {
      ObjectNode rendered = mapper.createObjectNode();
      value
          .properties()
          .forEach(
              e ->
                  rendered.set(
                      e.getKey(), renderTree(e.getValue(), scope, path + "." + e.getKey())));
      return rendered;
    }
    if (value.isArray()) {
      ArrayNode rendered = mapper.createArrayNode();
      for (int i = 0; i < value.size(); i++) {
        rendered.add(renderTree(value.get(i), scope, path + "[" + i + "]"));
      }
      return rendered;
    }
    return value.deepCopy();
  }

  /**
   * True when some string inside {@code value} (objects and arrays recursively) holds template
   * syntax; {@link #renderTree} of a value without any gives an equal value, so callers may skip it
   * (and building the template scope) for such values.
   */
  public static boolean containsTemplate(JsonNode value) {
    if (value == null) {
      return false;
    }
    if (value.isTextual()) {
      return isTemplate(value.textValue());
    }
    if (value.isContainerNode()) {
      for (JsonNode child : value) {
        if (containsTemplate(child)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isTemplate(String text) {
    return text.contains("{{") || text.contains("{%") || text.contains("{#");
  }

  /** Renders one string: typed when it is exactly one expression, else a string. */
  public JsonNode render(String template, Map<String, Object> scope, String path) {
    if (!isTemplate(template)) {
      return TextNode.valueOf(template);
    }
    Matcher single = SINGLE_EXPRESSION.matcher(template);
    if (single.matches()) {
      return TemplateScope.toJson(evaluate(single.group(1).strip(), scope, path));
    }
    return TextNode.valueOf(renderString(template, scope, path));
  }

  /**
   * Renders one string as text, for prompts: a single expression whose value is not a string is
   * written as JSON.
   */
  public String renderText(String template, Map<String, Object> scope, String path) {
    JsonNode rendered = render(template, scope, path);
    return rendered.isTextual() ? rendered.textValue() : rendered.toString();
  }

  private String renderString(String template, Map<String, Object> scope, String path) {
    RenderResult result = jinjava.renderForResult(ReservedAttributes.rewrite(template), scope);
    throwOnFatal(result.getErrors(), scope, path);
    return result.getOutput();
  }

  private Object evaluate(String expression, Map<String, Object> scope, String path) {
    JinjavaInterpreter interpreter = jinjava.newInterpreter();
    interpreter.getContext().putAll(scope);
    try (var current = JinjavaInterpreter.closeablePushCurrent(interpreter).get()) {
      Object value =
          current.value().resolveELExpression(ReservedAttributes.rewriteExpression(expression), 1);
      throwOnFatal(interpreter.getErrors(), scope, path);
      return value;
    } catch (UnknownTokenException e) {
      TemplateException rejected = rejected(e.getToken(), scope, path);
      if (rejected != null) {
        throw rejected;
      }
      return null;
    }
  }

  /**
   * Throws for the first fatal error. A {@code {{ }}} that prints a defined {@code null} never gets
   * here ({@link NullAwareExecutionMode}); a tag whose expression is a defined {@code null} does.
   */
  private static void throwOnFatal(
      List<TemplateError> errors, Map<String, Object> scope, String path) {
    for (TemplateError error : errors) {
      if (error.getSeverity() != TemplateError.ErrorType.FATAL) {
        continue;
      }
      if (error.getException() instanceof UnknownTokenException unknown) {
        throw rejectedInTag(unknown.getToken(), scope, path);
      }
      String message = String.valueOf(error.getMessage());
      int unknownAt = message.indexOf(UNKNOWN_TOKEN);
      if (unknownAt >= 0) {
        throw rejectedInTag(message.substring(unknownAt + UNKNOWN_TOKEN.length()), scope, path);
      }
      throw new TemplateException("Template error in " + path + ": " + message);
    }
  }

  private static TemplateException rejectedInTag(
      String token, Map<String, Object> scope, String path) {
    TemplateException rejected = rejected(token, scope, path);
    return rejected != null
        ? rejected
        : new TemplateException(
            "Template error in "
                + path
                + ": '"
                + token.strip()
                + "' is null where a tag needs a value (test it with 'is none')");
  }

  /** Why strict mode's rejection of {@code token} stands, or {@code null} for a defined null. */
  private static TemplateException rejected(String token, Map<String, Object> scope, String path) {
    String expression = token.strip();
    return switch (NullPaths.judge(expression, scope)) {
      case NullPaths.DefinedNull defined -> null;
      case NullPaths.AttributeOfNull read ->
          new TemplateException(
              "Template error in "
                  + path
                  + ": cannot read '"
                  + read.step()
                  + "' of '"
                  + read.prefix()
                  + "', which is null");
      case NullPaths.Undefined undefined ->
          new TemplateException(
              "Template error in " + path + ": '" + expression + "' is undefined");
    };
  }
}
