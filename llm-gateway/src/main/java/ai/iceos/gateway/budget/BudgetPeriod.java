package ai.iceos.gateway.budget;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How long spending accumulates before it resets: never ({@code total}), per UTC day or per UTC
 * calendar month. Stored by {@link #wireName()}.
 */
public enum BudgetPeriod {
  TOTAL,
  DAY,
  MONTH;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BudgetPeriod> parse(String value) {
    return Arrays.stream(values()).filter(p -> p.wireName().equals(value)).findFirst();
  }
}
