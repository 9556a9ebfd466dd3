package ai.iceos.blueprint.api;

import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.partial.PartialEdit;
import ai.iceos.blueprint.partial.PartialSuggestions;
import ai.iceos.blueprint.partial.PartialSuggestions.Suggestion;
import ai.iceos.blueprint.store.LockedWrite;
import ai.iceos.blueprint.store.PartialStore;
import ai.iceos.blueprint.store.StoredPartial;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Partial blueprints for MCP authoring: create (optionally with a first node), read with
 * incremental validation and suggestions, edit node by node under the version lock, get rule-based
 * suggestions (committing the best one with the lock), and finalize into a compiled blueprint.
 */
@Path("/api/v1/mcp/blueprints/partial")
@Produces(MediaType.APPLICATION_JSON)
public class PartialBlueprintResource {
  private final Caller caller;
  private final PartialStore partials;
  private final PartialFinalizer finalizer;

  PartialBlueprintResource(Caller caller, PartialStore partials, PartialFinalizer finalizer) {
    this.caller = caller;
    this.partials = partials;
    this.finalizer = finalizer;
  }

  /** 201; the body is empty or {@code {"node": {...}}}; needs no lock. */
  @POST
  public Uni<RestResponse<PartialBlueprintView>> create(JsonNode body) {
    ArrayNode nodes = JsonNodeFactory.instance.arrayNode();
    JsonNode node = body == null ? null : body.get("node");
    if (node != null && !node.isNull()) {
      if (!node.isObject()) {
        throw ProblemException.invalid(
            ProblemType.INVALID_REQUEST,
            java.util.List.of(
                new ai.iceos.contracts.blueprint.Violation(
                    "/node", "type", "node must be a node object")));
      }
      nodes.add(node);
    }
    return partials
        .create(caller.orgId(), nodes)
        .map(
            partial ->
                VersionLockHeaders.add(
                        RestResponse.ResponseBuilder.<PartialBlueprintView>create(
                                RestResponse.Status.CREATED)
                            .location(URI.create("/api/v1/mcp/blueprints/partial/" + partial.id()))
                            .entity(PartialBlueprintView.of(partial)),
                        partial.versionLock())
                    .build());
  }

  @GET
  @Path("/{id}")
  public Uni<RestResponse<PartialBlueprintView>> get(@RestPath String id) {
    return find(id).map(PartialBlueprintResource::answer);
  }

  /** One edit ({@code add_node|remove_node|update_node}) under the version lock. */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<PartialBlueprintView>> edit(
      @RestPath String id,
      JsonNode body,
      @RestHeader("X-Version-Lock") String versionLock,
      @RestHeader("If-Match") String ifMatch) {
    ExpectedLock expected = VersionLockHeaders.requireWrite(versionLock, ifMatch);
    JsonNode edit = RequestBodies.requireObject(body, ProblemType.INVALID_REQUEST);
    return find(id)
        .map(partial -> edited(partial, edit))
        .chain(nodes -> write(id, expected, nodes))
        .map(PartialBlueprintResource::answer);
  }

  /** 201 {@code {blueprint_id, version_lock, status}}; 400 empty or incomplete, 422, 402. */
  @POST
  @Path("/{id}/finalize")
  public Uni<RestResponse<BlueprintCreated>> finalizeBlueprint(@RestPath String id) {
    return find(id).chain(finalizer::finalizePartial);
  }

  /**
   * {@code {top_k, allowed_types, commit}}: suggestions, read-only unless {@code commit: true},
   * which adds the best one under the version lock.
   */
  @POST
  @Path("/{id}/suggest")
  public Uni<RestResponse<SuggestionsView>> suggest(
      @RestPath String id,
      JsonNode body,
      @RestHeader("X-Version-Lock") String versionLock,
      @RestHeader("If-Match") String ifMatch) {
    SuggestRequest request = SuggestRequest.read(body);
    ExpectedLock expected =
        request.commit() ? VersionLockHeaders.requireWrite(versionLock, ifMatch) : null;
    return find(id)
        .chain(
            partial -> {
              var suggestions =
                  PartialSuggestions.suggest(
                      partial.nodes(), request.allowedTypes(), request.topK());
              if (expected == null || suggestions.isEmpty()) {
                return Uni.createFrom()
                    .item(RestResponse.ok(new SuggestionsView(suggestions, null)));
              }
              return commit(id, expected, partial, suggestions.get(0))
                  .map(
                      written ->
                          VersionLockHeaders.add(
                                  RestResponse.ResponseBuilder.ok(
                                      new SuggestionsView(suggestions, written.versionLock())),
                                  written.versionLock())
                              .build());
            });
  }

  private Uni<StoredPartial> commit(
      String id, ExpectedLock expected, StoredPartial partial, Suggestion best) {
    ArrayNode nodes = partial.nodes();
    nodes.add(best.template());
    return write(id, expected, nodes);
  }

  private Uni<StoredPartial> find(String id) {
    return partials
        .find(caller.orgId(), Ids.require(id, "partial blueprint"))
        .map(found -> found.orElseThrow(() -> Ids.notFound("partial blueprint", id)));
  }

  private Uni<StoredPartial> write(String id, ExpectedLock expected, ArrayNode nodes) {
    UUID partialId = Ids.require(id, "partial blueprint");
    return find(id)
        .map(current -> expected.resolvedTo(current.versionLock()))
        .chain(lock -> partials.edit(caller.orgId(), partialId, lock.lock(), nodes))
        .map(
            result ->
                switch (result) {
                  case LockedWrite.Written<StoredPartial> written -> written.value();
                  case LockedWrite.Missing<StoredPartial> missing ->
                      throw Ids.notFound("partial blueprint", id);
                  case LockedWrite.Stale<StoredPartial> stale -> throw expected.stale(id);
                });
  }

  private static ArrayNode edited(StoredPartial partial, JsonNode edit) {
    return switch (PartialEdit.apply(partial.nodes(), edit)) {
      case PartialEdit.Edited edited -> edited.nodes();
      case PartialEdit.Refused refused ->
          throw ProblemException.invalid(
              ProblemType.INVALID_REQUEST, java.util.List.of(refused.violation()));
    };
  }

  private static RestResponse<PartialBlueprintView> answer(StoredPartial partial) {
    return VersionLockHeaders.add(
            RestResponse.ResponseBuilder.ok(PartialBlueprintView.of(partial)),
            partial.versionLock())
        .build();
  }
}
