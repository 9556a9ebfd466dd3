package ai.iceos.blueprint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.TestKafka;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.policy.OrgPolicy;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {
  @Test
  void shouldFillAbsentFieldsWithTheDefaults() {
    PolicyReader.Result result =
        PolicyReader.read(TestKafka.json("{\"allowed_tools\": [\"echo\"], \"budget_usd\": 2.5}"));

    OrgPolicy policy = ((PolicyReader.Read) result).policy();
    assertThat(policy.allowedTools()).containsExactly("echo");
    assertThat(policy.deniedModels()).containsExactly("gpt-3.5*");
    assertThat(policy.budgetUsd()).isEqualByComparingTo("2.5");
    assertThat(policy.rateLimitPerMinute()).isNull();
    assertThat(policy.allowsTool("shell")).isFalse();
  }

  @Test
  void shouldReportEveryWrongFieldWithAPointer() {
    PolicyReader.Result result =
        PolicyReader.read(
            TestKafka.json(
                "{\"denied_tools\": [\"ok\", 3], \"budget_usd\": -1,"
                    + " \"rate_limit_per_minute\": 1.5, \"extra\": true}"));

    assertThat(((PolicyReader.Unreadable) result).violations())
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder(
            "/extra", "/denied_tools/1", "/budget_usd", "/rate_limit_per_minute");
  }
}
