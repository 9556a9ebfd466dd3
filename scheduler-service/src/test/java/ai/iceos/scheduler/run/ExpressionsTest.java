package ai.iceos.scheduler.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
  private static final JsonNode SCOPE =
      json("{\"score\":7,\"inputs\":{\"mode\":\"fast\"},\"rows\":{\"items\":[1,2,3]}}");

  @Test
  void shouldEvaluateBooleanExpressionsAgainstTheScope() {
    assertThat(Expressions.condition("score > 5 and inputs.mode == 'fast'", SCOPE)).isTrue();
    assertThat(Expressions.condition("rows.items | length == 2", SCOPE)).isFalse();
    assertThat(Expressions.condition("'missing words' in inputs.mode", SCOPE)).isFalse();
    assertThat(Expressions.condition("other is defined", SCOPE)).isFalse();
    assertThat(Expressions.condition("not (score < 1)", SCOPE)).isTrue();
  }

  @Test
  void shouldRejectAnUndefinedNameEvenInsideAComparison() {
    assertThatThrownBy(() -> Expressions.condition("score > 5 and missing == 1", SCOPE))
        .hasMessage("Template error in expression: 'missing' is undefined");
  }

  @Test
  void shouldResolveItemsFromATemplateOrADottedPath() {
    assertThat(Expressions.items("{{ rows.items }}", SCOPE).toString()).isEqualTo("[1,2,3]");
    assertThat(Expressions.items("rows.items", SCOPE).toString()).isEqualTo("[1,2,3]");
    assertThatThrownBy(() -> Expressions.items("rows", SCOPE))
        .hasMessage("items_source 'rows' must resolve to a list, got object");
    assertThatThrownBy(() -> Expressions.items("rows {{ x }}", SCOPE))
        .hasMessageContaining("must be one {{ expression }} or a dotted path");
  }

  @Test
  void shouldRenderTemplatesInsideAValueKeepingTheTypeOfASingleExpression() {
    JsonNode value =
        json(
            "{\"n\":\"{{ score }}\",\"label\":\"{{ inputs.mode }}-{{ score + 1 }}\","
                + "\"list\":[\"{{ rows.items }}\",\"plain\",3],\"flag\":true}");

    JsonNode rendered = Expressions.render(value, SCOPE, "config_overrides");

    assertThat(rendered.toString())
        .isEqualTo("{\"n\":7,\"label\":\"fast-8\",\"list\":[[1,2,3],\"plain\",3],\"flag\":true}");
  }

  @Test
  void shouldRejectAnUndefinedNameInATemplateNamingTheField() {
    assertThatThrownBy(
            () -> Expressions.render(json("{\"a\":\"{{ missing }}\"}"), SCOPE, "config_overrides"))
        .hasMessage("Template error in config_overrides.a: 'missing' is undefined");
    assertThatThrownBy(
            () ->
                Expressions.render(
                    json("{\"a\":[\"x {{ nope.deeper }}\"]}"), SCOPE, "config_overrides"))
        .hasMessageStartingWith("Template error in config_overrides.a[0]: ")
        .hasMessageContaining("nope");
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
