package ai.iceos.gateway.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a model name to the provider that serves it: the first matching route wins, else the default
 * provider, else no provider (the model is unknown).
 */
public record RoutingTable(List<Route> routes, Optional<String> defaultProvider) {
  public RoutingTable {
    routes = List.copyOf(routes);
    Objects.requireNonNull(defaultProvider, "defaultProvider");
    defaultProvider = defaultProvider.filter(name -> !name.isBlank()).map(String::strip);
  }

  /** A table from rules written as {@code pattern=provider}, in order. */
  public static RoutingTable parse(List<String> rules, Optional<String> defaultProvider) {
    return new RoutingTable(
        rules.stream().filter(r -> !r.isBlank()).map(Route::parse).toList(), defaultProvider);
  }

  /** The provider name for {@code model}, if any route or the default applies. */
  public Optional<String> providerFor(String model) {
    return routes.stream()
        .filter(route -> route.matches(model))
        .map(Route::provider)
        .findFirst()
        .or(() -> defaultProvider);
  }
}
