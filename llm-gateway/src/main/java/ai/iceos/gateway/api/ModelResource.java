package ai.iceos.gateway.api;

import ai.iceos.gateway.budget.CostTable;
import ai.iceos.gateway.budget.ModelCard;
import ai.iceos.gateway.provider.Providers;
import ai.iceos.gateway.routing.RoutingTable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.RestPath;

/**
 * OpenAI-compatible {@code GET /v1/models}: every model routing can serve that has a name here,
 * sorted by id: the models of the price table, and the models the routing table names outright
 * (routes without wildcards, fallback lists), with their prices when a catalogued name covers them
 * and without when none does.
 */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
class ModelResource {
  private final CostTable costs;
  private final RoutingTable routing;
  private final Providers providers;

  ModelResource(CostTable costs, RoutingTable routing, Providers providers) {
    this.costs = costs;
    this.routing = routing;
    this.providers = providers;
  }

  @GET
  public ModelListView list() {
    return new ModelListView(
        "list", known().stream().map(this::view).flatMap(Optional::stream).toList());
  }

  @GET
  @Path("/{model}")
  public ModelView get(@RestPath String model) {
    return Optional.of(model)
        .filter(known()::contains)
        .flatMap(this::view)
        .orElseThrow(
            () ->
                new GatewayException(
                    ErrorKind.MODEL_NOT_FOUND,
                    "The model '" + model + "' does not exist.",
                    "model",
                    null));
  }

  private SortedSet<String> known() {
    SortedSet<String> names = new TreeSet<>(routing.namedModels());
    costs.cards().stream().map(ModelCard::model).forEach(names::add);
    return names;
  }

  private Optional<ModelView> view(String model) {
    return routing
        .providerFor(model)
        .map(routed -> providers.serving(routed).name())
        .map(
            provider ->
                costs
                    .card(model)
                    .map(card -> ModelView.of(model, card, provider))
                    .orElseGet(() -> ModelView.unpriced(model, provider)));
  }
}
