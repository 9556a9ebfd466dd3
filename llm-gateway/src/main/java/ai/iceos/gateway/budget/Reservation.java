package ai.iceos.gateway.budget;

import java.util.List;
import java.util.Objects;

/** The outcome of reserving a call's worst-case cost against every budget scope that applies. */
public sealed interface Reservation {
  /** Held on every scope in {@code scopes} (those without a budget are not held). */
  record Held(List<String> scopes, long microUsd) implements Reservation {
    public Held {
      scopes = List.copyOf(scopes);
    }
  }

  /** Nothing held: {@code scope} has not enough budget left for {@code microUsd}. */
  record Refused(String scope, long microUsd) implements Reservation {
    public Refused {
      Objects.requireNonNull(scope, "scope");
    }
  }
}
