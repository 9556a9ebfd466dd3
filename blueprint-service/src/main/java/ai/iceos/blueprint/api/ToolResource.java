package ai.iceos.blueprint.api;

import ai.iceos.blueprint.catalog.Catalog;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The tools the workers offer, each with its parameters ({@code tool_args}) and defaults. */
@Path("/api/v1/tools")
@Produces(MediaType.APPLICATION_JSON)
public class ToolResource {
  private final Catalog catalog;

  ToolResource(Catalog catalog) {
    this.catalog = catalog;
  }

  @GET
  public Tools list() {
    return new Tools(catalog.tools());
  }

  /** The tools on offer. */
  public record Tools(List<ToolCatalogEntry> tools) {}
}
