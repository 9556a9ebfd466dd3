package ai.iceos.worker.seller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.worker.tool.ToolException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricingTest {
  @Test
  void shouldAddTheMarginAndRoundHalfUpToCents() {
    assertThat(Pricing.price(new BigDecimal("600"), Pricing.DEFAULT_MARGIN_PERCENT))
        .isEqualTo(new BigDecimal("750.00"));
    assertThat(Pricing.price(new BigDecimal("1.01"), new BigDecimal("50")))
        .isEqualTo(new BigDecimal("1.52"));
    assertThat(Pricing.price(new BigDecimal("10.004"), BigDecimal.ZERO))
        .isEqualTo(new BigDecimal("10.00"));
  }

  @Test
  void shouldNeverPriceBelowTheMinimum() {
    assertThat(Pricing.price(new BigDecimal("0.10"), Pricing.DEFAULT_MARGIN_PERCENT))
        .isEqualTo(new BigDecimal("0.99"));
  }

  @Test
  void shouldRejectANonPositiveCostPermanently() {
    assertThatThrownBy(() -> Pricing.price(BigDecimal.ZERO, BigDecimal.TEN))
        .isInstanceOfSatisfying(
            ToolException.class,
            e -> {
              assertThat(e).hasMessage("'cost' must be > 0");
              assertThat(e.retryable()).isFalse();
              assertThat(e.type()).isEqualTo("validation");
            });
    assertThatThrownBy(() -> Pricing.price(null, BigDecimal.TEN)).hasMessage("'cost' must be > 0");
  }
}
