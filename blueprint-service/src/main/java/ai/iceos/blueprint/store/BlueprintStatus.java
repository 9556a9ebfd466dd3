package ai.iceos.blueprint.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a blueprint revision stands with the compiler. */
public enum BlueprintStatus {
  PENDING,
  COMPILED,
  INVALID;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static BlueprintStatus fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
