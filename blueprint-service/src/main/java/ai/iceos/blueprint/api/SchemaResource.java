package ai.iceos.blueprint.api;

import ai.iceos.contracts.blueprint.BlueprintSchema;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public blueprint JSON Schema (draft 2020-12), served as written. */
@Path("/api/v1/schemas")
public class SchemaResource {
  @GET
  @Path("/blueprint.json")
  @Produces(MediaType.APPLICATION_JSON)
  public String blueprint() {
    return BlueprintSchema.text();
  }
}
