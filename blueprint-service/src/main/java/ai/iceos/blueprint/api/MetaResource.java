package ai.iceos.blueprint.api;

import ai.iceos.blueprint.catalog.Catalog;
import ai.iceos.contracts.blueprint.BlueprintSchema;
import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.messaging.ModelCatalogEntry;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/** Discovery: the node types with their JSON Schemas, and the models the gateway routes to. */
@Path("/api/v1/meta")
@Produces(MediaType.APPLICATION_JSON)
public class MetaResource {
  private final Catalog catalog;

  MetaResource(Catalog catalog) {
    this.catalog = catalog;
  }

  /** {@code {types: ["tool", "llm", …]}}. */
  @GET
  @Path("/nodes/types")
  public NodeTypes types() {
    return new NodeTypes(Arrays.stream(NodeType.values()).map(NodeType::wireName).toList());
  }

  /** The self-contained JSON Schema of one node type; 404 for anything else. */
  @GET
  @Path("/nodes/{type}/schema")
  public JsonNode schema(@RestPath String type) {
    return BlueprintSchema.forNodeType(type)
        .orElseThrow(
            () ->
                new ProblemException(ProblemType.NOT_FOUND, "'" + type + "' is not a node type."));
  }

  /** {@code {models: [...]}} from the model catalog, with prices in micro-USD per 1M tokens. */
  @GET
  @Path("/models")
  public Models models() {
    return new Models(catalog.models());
  }

  /** The node types. */
  public record NodeTypes(List<String> types) {}

  /** The models on offer. */
  public record Models(List<ModelCatalogEntry> models) {}
}
