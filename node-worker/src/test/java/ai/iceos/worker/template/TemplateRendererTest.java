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
                          "not": "N", "items": "I", "maybe": null},
               "broken": null,
               "fetch": {"rows": [{"id": 7}, {"id": 8}], "count": 2},
               "execution": {"id": "exec-1", "blueprint_id": "bp-1"}}
              """));

  @Test
  void shouldFindTemplatesAnywhereInATreeAndRenderATreeWithoutThemToAnEqualTree() {
    JsonNode plain = json("{\"a\": [1, {\"b\": \"text { not } a template\"}], \"c\": null}");
    assertThat(TemplateRenderer.containsTemplate(plain)).isFalse();
    assertThat(renderer.renderTree(plain, Map.of(), "tool_args")).isEqualTo(plain);
    assertThat(TemplateRenderer.containsTemplate(json("{\"a\": [1, {\"b\": \"{{ x }}\"}]}")))
        .isTrue();
    assertThat(TemplateRenderer.containsTemplate(json("[\"{% if x %}y{% endif %}\"]"))).isTrue();
    assertThat(TemplateRenderer.containsTemplate(json("\"{# note #}\""))).isTrue();
  }

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

  @Test
  void shouldGiveNullForNameWhoseValueIsNull() {
    assertThat(render("{{ broken }}")).isEqualTo(json("null"));
    assertThat(render("{{broken}}")).isEqualTo(json("null"));
    assertThat(render("{{ inputs.maybe }}")).isEqualTo(json("null"));
    assertThat(render("{{ inputs['maybe'] }}")).isEqualTo(json("null"));
  }

  @Test
  void shouldTestAndDefaultNullValues() {
    assertThat(render("{{ broken is none }}")).isEqualTo(json("true"));
    assertThat(render("{{ broken is not none }}")).isEqualTo(json("false"));
    assertThat(render("{{ broken | default('d') }}")).isEqualTo(json("\"d\""));
    assertThat(render("{{ inputs.maybe | default('m') }}")).isEqualTo(json("\"m\""));
  }

  @Test
  void shouldRenderNullAsEmptyTextInMixedTemplate() {
    assertThat(render("dep=[{{ broken }}]")).isEqualTo(json("\"dep=[]\""));
    assertThat(render("{{ inputs.name }}:{{ inputs.maybe }}")).isEqualTo(json("\"Ada:\""));
    assertThat(render("{% if broken is none %}none{% endif %}")).isEqualTo(json("\"none\""));
    assertThat(render("{% for t in [1, none] %}<{{ t }}>{% endfor %}"))
        .isEqualTo(json("\"<1><>\""));
  }

  @Test
  void shouldStillFailOnUndefinedNameNextToNullName() {
    assertThatThrownBy(() -> render("{{ broken }} {{ missing }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'missing' is undefined");
    assertThatThrownBy(() -> render("{{ inputs.maybe }} {{ inputs.nope }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'inputs.nope' is undefined");
    assertThatThrownBy(() -> render("{{ fetch.rows[5] }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'fetch.rows[5]' is undefined");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{ broken.field }}", "x={{ broken.field }}", "{{ broken['field'] }}"})
  void shouldFailWhenReadingAttributeOfNull(String template) {
    assertThatThrownBy(() -> render(template))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("tool_args.text")
        .hasMessageContaining("cannot read 'field' of 'broken', which is null");
  }

  @Test
  void shouldFailWhenATagNeedsTheValueOfNull() {
    assertThatThrownBy(() -> render("{% if broken %}y{% else %}n{% endif %}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'broken' is null where a tag needs a value");
  }

  @Test
  void shouldFailWhenReadingAttributeOfNestedNull() {
    assertThatThrownBy(() -> render("{{ inputs.maybe.x }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("cannot read 'x' of 'inputs.maybe', which is null");
  }

  @Test
  void shouldRenderArgsSeeingFailedDependencyAsNull() {
    Map<String, Object> seesNull =
        TemplateScope.from(json("{\"broken\": null, \"got\": null, \"inputs\": {}}"));
    JsonNode args =
        json(
            """
            {"dep": "{{ broken }}", "is_none": "{{ broken is none }}", "got": "{{ got }}"}
            """);

    assertThat(renderer.renderTree(args, seesNull, "tool_args"))
        .isEqualTo(json("{\"dep\": null, \"is_none\": true, \"got\": null}"));
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
