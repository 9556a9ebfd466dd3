package ai.iceos.worker.seller;

import ai.iceos.worker.tool.ToolException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Seller Assistant's pricing rule: price = cost × (1 + margin), at least {@link #MIN_PRICE},
 * rounded half-up to cents.
 */
public final class Pricing {
  /** Margin used when none is given, in percent. */
  public static final BigDecimal DEFAULT_MARGIN_PERCENT = new BigDecimal("25");

  /** No listing is priced below this. */
  public static final BigDecimal MIN_PRICE = new BigDecimal("0.99");

  private Pricing() {}

  /**
   * @throws ToolException a non-retryable {@code validation} failure when cost is not positive or
   *     the margin is negative
   */
  public static BigDecimal price(BigDecimal cost, BigDecimal marginPercent) {
    if (cost == null || cost.signum() <= 0) {
      throw ToolException.invalidArguments("'cost' must be > 0");
    }
    if (marginPercent.signum() < 0) {
      throw ToolException.invalidArguments("'margin_percent' must be >= 0");
    }
    BigDecimal factor = BigDecimal.ONE.add(marginPercent.movePointLeft(2));
    BigDecimal price = cost.multiply(factor).setScale(2, RoundingMode.HALF_UP);
    return price.compareTo(MIN_PRICE) < 0 ? MIN_PRICE : price;
  }
}
