package ai.iceos.gateway.routing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Maps a model name to the provider that serves it: the first matching route wins, else the default
 * provider, else no provider (the model is unknown). {@code fallbacks} lists, per requested model,
 * the models to try next, in order, when its provider cannot serve.
 */
public record RoutingTable(
    List<Route> routes, Optional<String> defaultProvider, Map<String, List<String>> fallbacks) {
  public RoutingTable {
    routes = List.copyOf(routes);
    Objects.requireNonNull(defaultProvider, "defaultProvider");
    defaultProvider = defaultProvider.filter(name -> !name.isBlank()).map(String::strip);
    fallbacks = Map.copyOf(fallbacks);
  }

  /** A table from rules written as {@code pattern=provider}, in order. */
  public static RoutingTable parse(List<String> rules, Optional<String> defaultProvider) {
    return parse(rules, defaultProvider, Map.of());
  }

  /** A table from rules written as {@code pattern=provider}, in order, and fallback lists. */
  public static RoutingTable parse(
      List<String> rules, Optional<String> defaultProvider, Map<String, List<String>> fallbacks) {
    Map<String, List<String>> cleaned = new LinkedHashMap<>();
    fallbacks.forEach(
        (model, next) ->
            cleaned.put(
                model.strip(),
                next.stream().map(String::strip).filter(m -> !m.isEmpty()).toList()));
    return new RoutingTable(
        rules.stream().filter(r -> !r.isBlank()).map(Route::parse).toList(),
        defaultProvider,
        cleaned);
  }

  /** {@code model} followed by its fallbacks, without repeats. */
  public List<String> candidates(String model) {
    Set<String> ordered = new LinkedHashSet<>();
    ordered.add(model);
    ordered.addAll(fallbacks.getOrDefault(model, List.of()));
    return List.copyOf(ordered);
  }

  /**
   * The models this table names outright, sorted: the patterns without wildcards and every model of
   * the fallback lists (those requested and their fallbacks).
   */
  public SortedSet<String> namedModels() {
    SortedSet<String> named = new TreeSet<>();
    routes.stream().filter(Route::namesOneModel).map(Route::pattern).forEach(named::add);
    fallbacks.forEach(
        (model, next) -> {
          named.add(model);
          named.addAll(next);
        });
    return named;
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
