package ai.iceos.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.gateway.chat.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTableTest {
  private final CostTable table = CostTable.defaults();

  @Test
  void shouldHoldTheDefaultPricesInMicroUsdPerMillion() {
    assertThat(table.card("gpt-4o"))
        .hasValueSatisfying(
            card -> {
              assertThat(card.inputMicroUsdPer1M()).isEqualTo(2_500_000);
              assertThat(card.cachedInputMicroUsdPer1M()).isEqualTo(1_250_000);
              assertThat(card.outputMicroUsdPer1M()).isEqualTo(10_000_000);
              assertThat(card.contextWindow()).isEqualTo(128_000);
            });
    assertThat(table.card("gpt-4o-mini").orElseThrow().cachedInputMicroUsdPer1M())
        .isEqualTo(75_000);
    assertThat(table.card("claude-sonnet-4").orElseThrow().outputMicroUsdPer1M())
        .isEqualTo(15_000_000);
    assertThat(table.card("gemini-2.5-flash").orElseThrow().outputMicroUsdPer1M())
        .isEqualTo(2_500_000);
  }

  @Test
  void shouldPriceInputCachedInputAndOutputSeparately() {
    // 1M uncached input ($2.50) + 1M cached ($1.25) + 1M output ($10) on gpt-4o
    var usage = new TokenUsage(2_000_000, 1_000_000, 1_000_000);
    assertThat(table.costMicroUsd("gpt-4o", usage)).isEqualTo(13_750_000);
  }

  @Test
  void shouldRoundUpOncePerCall() {
    // 1 input token of gpt-4o-mini costs 0.15 micro-USD: billed as 1
    assertThat(table.costMicroUsd("gpt-4o-mini", TokenUsage.of(1, 0))).isEqualTo(1);
    // 10 input + 10 output = 1.5 + 6 = 7.5 micro-USD: rounded up once, not per kind
    assertThat(table.costMicroUsd("gpt-4o-mini", TokenUsage.of(10, 10))).isEqualTo(8);
    assertThat(table.costMicroUsd("gpt-4o-mini", TokenUsage.of(0, 0))).isZero();
    // exact amounts are not rounded: 4 gpt-4o input tokens = 10 micro-USD
    assertThat(table.costMicroUsd("gpt-4o", TokenUsage.of(4, 0))).isEqualTo(10);
  }

  @Test
  void shouldPriceUnknownModelsAtZero() {
    assertThat(table.card("mystery-model")).isEmpty();
    assertThat(table.costMicroUsd("mystery-model", TokenUsage.of(1_000, 1_000))).isZero();
    assertThat(table.worstCaseMicroUsd("mystery-model", 1_000, null)).isZero();
  }

  @Test
  void shouldPriceDatedSnapshotsAsTheirFamilyButNotOtherModels() {
    assertThat(table.card("gpt-4o-2024-08-06").orElseThrow().model()).isEqualTo("gpt-4o");
    assertThat(table.card("gpt-4o-mini-2024-07-18").orElseThrow().model()).isEqualTo("gpt-4o-mini");
    assertThat(table.card("gpt-4oo")).isEmpty();
  }

  @Test
  void shouldReserveMaxTokensOrTheModelsDefaultOutputAsWorstCase() {
    // 100 input tokens ($0.00025) + 50 output tokens ($0.0005) on gpt-4o
    assertThat(table.worstCaseMicroUsd("gpt-4o", 100, 50)).isEqualTo(750);
    // without max_tokens: the default output limit of 16,384 tokens
    assertThat(table.worstCaseMicroUsd("gpt-4o", 100, null)).isEqualTo(250 + 163_840);
  }

  @Test
  void shouldLetOverridesReplaceAndAddModels() {
    var overridden =
        table.with(
            List.of(
                ModelCard.ofUsd("gpt-4o", "5", "2.5", "20", 128_000, 4_096),
                ModelCard.ofUsd("local-llama", "0", "0", "0.01", 8_192, 1_024)));
    assertThat(overridden.costMicroUsd("gpt-4o", TokenUsage.of(1_000_000, 0))).isEqualTo(5_000_000);
    assertThat(overridden.costMicroUsd("local-llama", TokenUsage.of(0, 1_000_000)))
        .isEqualTo(10_000);
    assertThat(overridden.card("gpt-4o-mini")).isPresent();
    assertThat(table.costMicroUsd("gpt-4o", TokenUsage.of(1_000_000, 0))).isEqualTo(2_500_000);
  }

  @Test
  void shouldConvertUsdExactlyAndRejectNegativePrices() {
    assertThat(Money.microUsd(new BigDecimal("0.075"))).isEqualTo(75_000);
    assertThat(Money.microUsd(new BigDecimal("0.0000001"))).isEqualTo(1);
    assertThat(Money.usd(3).toPlainString()).isEqualTo("0.000003");
    assertThatThrownBy(() -> ModelCard.ofUsd("x", "-1", "0", "0", 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
