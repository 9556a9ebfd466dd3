package ai.iceos.compiler.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateScannerTest {
  private final TemplateScanner scanner = new TemplateScanner();

  @Test
  void shouldReadRootNamesOfExpressionsFiltersAndConditions() {
    TemplateScan scan =
        scanner.scan(
            "{{ inputs.topic | upper }} {{ llm1.response }}"
                + "{% if search.results[0].score > limit %}x{% elif other %}y{% endif %}"
                + "{{ fn_arg | default(fallback) }}");

    assertThat(scan.syntaxError()).isEmpty();
    assertThat(scan.rootNames())
        .containsExactly("inputs", "llm1", "search", "limit", "other", "fn_arg", "fallback");
  }

  @Test
  void shouldNotReportNamesTheTemplateDefinesItself() {
    TemplateScan scan =
        scanner.scan(
            "{% for k, v in items.pairs %}{{ k }}={{ v }} {{ loop.index }}{% endfor %}"
                + "{% set total = base.count %}{{ total }} {{ none }}");

    assertThat(scan.rootNames()).containsExactly("items", "base");
  }

  @Test
  void shouldLeavePlainTextAlone() {
    assertThat(scanner.scan("just text, with {braces}")).isEqualTo(TemplateScan.PLAIN_TEXT);
  }

  @Test
  void shouldReportSyntaxErrorsOfBlocksExpressionsAndFilters() {
    assertThat(scanner.scan("{% if a %}never closed").syntaxError()).isPresent();
    assertThat(scanner.scan("{{ a + }}").syntaxError()).isPresent();
    assertThat(scanner.scan("{{ a | not_a_filter }}").syntaxError())
        .contains("Unknown filter 'not_a_filter'");
    assertThat(scanner.scan("{{ a is not_a_test }}").syntaxError())
        .contains("Unknown test 'not_a_test'");
    assertThat(scanner.scan("{{ unclosed").syntaxError()).isPresent();
  }
}
