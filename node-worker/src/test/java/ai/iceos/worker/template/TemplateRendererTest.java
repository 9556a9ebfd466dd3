package ai.iceos.worker.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {
  private final TemplateRenderer renderer = new TemplateRenderer();
  private final Map<String, Object> scope =
      TemplateScope.from(
          json(
              """
              {"inputs": {"n": 4, "ratio": 0.5, "name": "Ada", "flag": true,
                          "tags": ["a", "b"], "obj": {"x": 1, "y": [1, 2]},
                          "class": "K", "size": "S", "empty": "E", "keys": "KEYS",
                          "not": "N", "items": "I"},
               "fetch": {"rows": [{"id": 7}, {"id": 8}], "count": 2},
               "execution": {"id": "exec-1", "blueprint_id": "bp-1"}}
              """));

  @Test
  void shouldKeepNumberTypeForSingleExpression() {
    assertThat(render("{{ inputs.n }}")).isEqualTo(json("4"));
    assertThat(render("{{ inputs.ratio }}")).isEqualTo(json("0.5"));
  }

  @Test
  void shouldKeepBooleanObjectAndArrayTypesForSingleExpression() {
    assertThat(render("{{ inputs.flag }}")).isEqualTo(json("true"));
    assertThat(render("{{ inputs.obj }}")).isEqualTo(json("{\"x\": 1, \"y\": [1, 2]}"));
    assertThat(render("{{ inputs.tags }}")).isEqualTo(json("[\"a\", \"b\"]"));
    assertThat(render("{{fetch.rows[1]}}")).isEqualTo(json("{\"id\": 8}"));
  }

  @Test
  void shouldEvaluateArithmeticInSingleExpressionAsNumber() {
    assertThat(render("{{ inputs.n + 1 }}")).isEqualTo(json("5"));
  }

  @Test
  void shouldGiveStringForMixedTemplate() {
    assertThat(render("n={{ inputs.n }}")).isEqualTo(json("\"n=4\""));
    assertThat(render("Hello {{ inputs.name }}!")).isEqualTo(json("\"Hello Ada!\""));
    assertThat(render("{{ inputs.n }}{{ inputs.n }}")).isEqualTo(json("\"44\""));
  }

  @Test
  void shouldReturnPlainStringsUnchanged() {
    assertThat(render("no templates here")).isEqualTo(json("\"no templates here\""));
  }

  @Test
  void shouldSupportFiltersAndStatements() {
    assertThat(render("{{ inputs.name | upper }}")).isEqualTo(json("\"ADA\""));
    assertThat(render("{% for t in inputs.tags %}{{ t }};{% endfor %}"))
        .isEqualTo(json("\"a;b;\""));
    assertThat(render("{{ fetch.rows | length }}")).isEqualTo(json("2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"class", "size", "empty", "keys", "not", "items"})
  void shouldReadMapKeyEvenWhenNamedLikeAMethodOrKeyword(String key) {
    String expected = scope.get("inputs") instanceof Map<?, ?> m ? (String) m.get(key) : null;
    assertThat(render("{{ inputs." + key + " }}").textValue()).isEqualTo(expected);
    assertThat(render("v={{ inputs." + key + " }}").textValue()).isEqualTo("v=" + expected);
  }

  @Test
  void shouldLeaveKeywordsInsideStringLiteralsAlone() {
    assertThat(render("{{ 'a.empty' }}")).isEqualTo(json("\"a.empty\""));
    assertThat(render("x.empty {{ inputs.n }}")).isEqualTo(json("\"x.empty 4\""));
  }

  @Test
  void shouldFailOnUndefinedTopLevelNameNamingIt() {
    assertThatThrownBy(() -> render("{{ missing }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'missing' is undefined")
        .hasMessageContaining("tool_args.text");
  }

  @Test
  void shouldFailOnUndefinedKeyInMixedTemplate() {
    assertThatThrownBy(() -> render("Hi {{ inputs.nope }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'inputs.nope' is undefined");
  }

  @Test
  void shouldFailOnUndefinedKeyInSingleExpression() {
    assertThatThrownBy(() -> render("{{ fetch.missing }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("fetch.missing");
  }

  @Test
  void shouldFailOnSyntaxError() {
    assertThatThrownBy(() -> render("{{ inputs.n + }}")).isInstanceOf(TemplateException.class);
  }

  @Test
  void shouldRenderTreesRecursively() {
    JsonNode args =
        json(
            """
            {"count": "{{ inputs.n }}", "greeting": "Hi {{ inputs.name }}",
             "nested": {"list": ["{{ inputs.flag }}", "plain", 3, null]},
             "fixed": 12}
            """);

    JsonNode rendered = renderer.renderTree(args, scope, "tool_args");

    assertThat(rendered)
        .isEqualTo(
            json(
                """
                {"count": 4, "greeting": "Hi Ada",
                 "nested": {"list": [true, "plain", 3, null]}, "fixed": 12}
                """));
  }

  @Test
  void shouldNameTheFieldPathOfAFailingNestedTemplate() {
    JsonNode args = json("{\"outer\": {\"list\": [\"ok\", \"{{ nope }}\"]}}");

    assertThatThrownBy(() -> renderer.renderTree(args, scope, "tool_args"))
        .hasMessageContaining("tool_args.outer.list[1]")
        .hasMessageContaining("'nope' is undefined");
  }

  @Test
  void shouldRenderTextOfNonStringValueAsJson() {
    assertThat(renderer.renderText("{{ inputs.obj }}", scope, "prompt"))
        .isEqualTo("{\"x\":1,\"y\":[1,2]}");
    assertThat(renderer.renderText("Say {{ inputs.name }}", scope, "prompt")).isEqualTo("Say Ada");
  }

  @Test
  void shouldNotCallJavaMethodsOnMaps() {
    assertThatThrownBy(() -> render("{{ inputs.getClass() }}"))
        .isInstanceOf(TemplateException.class);
  }

  private JsonNode render(String template) {
    return renderer.render(template, scope, "tool_args.text");
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
