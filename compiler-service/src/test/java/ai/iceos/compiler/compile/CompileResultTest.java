package ai.iceos.compiler.compile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.compiler.Fixtures;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A rejection is a 403 (forbidden) only when every problem is a policy denial. */
class CompileResultTest {
  private final PlanCompiler compiler = Fixtures.compiler();

  @Test
  void shouldMarkARejectionForbiddenWhenItsOnlyProblemsArePolicyDenials() throws Exception {
    JsonNode document =
        IceosJson.mapper()
            .readTree(
                "{\"nodes\":[{\"id\":\"run\",\"type\":\"tool\",\"tool_name\":\"shell_exec\"}]}");

    CompileResult result = compiler.compile(document, Fixtures.context("invalid/policy-denials"));

    assertThat(result)
        .isInstanceOfSatisfying(
            CompileResult.Rejected.class, rejected -> assertThat(rejected.forbidden()).isTrue());
  }

  @Test
  void shouldNotMarkARejectionForbiddenWhenItAlsoHasOtherProblems() {
    CompileResult result =
        compiler.compile(
            Fixtures.blueprint("invalid/policy-denials.json"),
            Fixtures.context("invalid/policy-denials"));

    assertThat(result)
        .isInstanceOfSatisfying(
            CompileResult.Rejected.class, rejected -> assertThat(rejected.forbidden()).isFalse());
  }
}
