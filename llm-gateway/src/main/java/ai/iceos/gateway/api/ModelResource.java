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
import org.jboss.resteasy.reactive.RestPath;

/** OpenAI-compatible {@code GET /v1/models}: the catalogued models that routing can serve. */
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
        "list", costs.cards().stream().map(this::view).flatMap(Optional::stream).toList());
  }

  @GET
  @Path("/{model}")
  public ModelView get(@RestPath String model) {
    return costs
        .card(model)
        .filter(card -> card.model().equals(model))
        .flatMap(this::view)
        .orElseThrow(
            () ->
                new GatewayException(
                    ErrorKind.MODEL_NOT_FOUND,
                    "The model '" + model + "' does not exist.",
                    "model",
                    null));
  }

  private Optional<ModelView> view(ModelCard card) {
    return routing
        .providerFor(card.model())
        .map(routed -> ModelView.of(card, providers.serving(routed).name()));
  }
}
