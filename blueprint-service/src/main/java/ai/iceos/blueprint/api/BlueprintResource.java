package ai.iceos.blueprint.api;

import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.store.BlueprintStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Blueprints as a collection: create (compiled before answering) and list. */
@Path("/api/v1/blueprints")
@Produces(MediaType.APPLICATION_JSON)
public class BlueprintResource {
  private final Caller caller;
  private final BlueprintStore blueprints;
  private final BlueprintCompiles compiles;

  BlueprintResource(Caller caller, BlueprintStore blueprints, BlueprintCompiles compiles) {
    this.caller = caller;
    this.blueprints = blueprints;
    this.compiles = compiles;
  }

  /**
   * Stores revision 1 and asks the compiler; answers 201 when compiled, 422 (nothing kept) when
   * rejected, 202 pending when no verdict came within the compile timeout.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<BlueprintCreated>> create(
      JsonNode body,
      @RestHeader("X-Version-Lock") String versionLock,
      @RestHeader("If-None-Match") String ifNoneMatch) {
    VersionLockHeaders.requireCreate(versionLock, ifNoneMatch);
    JsonNode document = RequestBodies.requireObject(body, ProblemType.INVALID_BLUEPRINT);
    return compiles
        .createCompiled(caller.orgId(), document)
        .map(blueprint -> BlueprintAnswers.written(blueprint, RestResponse.Status.CREATED));
  }

  /** The org's blueprints, newest first; {@code next_cursor} fetches the next page. */
  @GET
  public Uni<ListPage<BlueprintSummary>> list(
      @RestQuery("limit") String limit, @RestQuery("cursor") String cursor) {
    return blueprints
        .list(caller.orgId(), ListPage.cursor(cursor), ListPage.limit(limit))
        .map(page -> ListPage.of(page, BlueprintSummary::of));
  }
}
