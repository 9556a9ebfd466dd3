package ai.iceos.blueprint.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanSummaryTest {
  @Test
  void shouldConvertMicroUsdToDecimalDollars() {
    assertThat(PlanSummary.usd(1_500)).isEqualByComparingTo("0.0015");
    assertThat(PlanSummary.usd(12_000_000)).isEqualByComparingTo("12");
    assertThat(PlanSummary.usd(12_000_000).toString()).doesNotContain("E");
  }
}
