package ai.iceos.gateway.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions between USD decimals (the API) and integer micro-USD (storage and arithmetic). */
public final class Money {
  private static final int MICRO_SCALE = 6;

  private Money() {}

  /** Exact micro-USD of a USD amount; more than 6 decimals are rounded up. */
  public static long microUsd(BigDecimal usd) {
    return usd.setScale(MICRO_SCALE, RoundingMode.CEILING).unscaledValue().longValueExact();
  }

  /** The USD amount of {@code microUsd} without trailing zeros ({@code 10}, {@code 0.075}). */
  public static BigDecimal usdCompact(long microUsd) {
    BigDecimal compact = usd(microUsd).stripTrailingZeros();
    return compact.scale() < 0 ? compact.setScale(0) : compact;
  }

  /** The USD amount of {@code microUsd}, with 6 decimals. */
  public static BigDecimal usd(long microUsd) {
    return BigDecimal.valueOf(microUsd, MICRO_SCALE);
  }
}
