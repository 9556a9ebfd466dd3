package ai.iceos.blueprint.api;

import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.document.NodePatch;
import ai.iceos.blueprint.store.BlueprintRevisions;
import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.BlueprintStore;
import ai.iceos.blueprint.store.LockedWrite;
import ai.iceos.blueprint.store.StoredBlueprint;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One blueprint: read (any stored revision too), replace, patch, delete and clone. Every write
 * names the lock it read ({@code X-Version-Lock} or {@code If-Match}) and answers with a new one.
 */
@Path("/api/v1/blueprints/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class BlueprintRevisionResource {
  private final Caller caller;
  private final BlueprintStore blueprints;
  private final BlueprintRevisions revisions;
  private final BlueprintCompiles compiles;

  BlueprintRevisionResource(
      Caller caller,
      BlueprintStore blueprints,
      BlueprintRevisions revisions,
      BlueprintCompiles compiles) {
    this.caller = caller;
    this.blueprints = blueprints;
    this.revisions = revisions;
    this.compiles = compiles;
  }

  /**
   * The current revision, or with {@code ?version_lock=} the stored revision with that lock; 304
   * when {@code If-None-Match} names the lock shown.
   */
  @GET
  public Uni<RestResponse<BlueprintView>> get(
      @RestPath String id,
      @RestQuery("version_lock") String versionLock,
      @RestHeader("If-None-Match") String ifNoneMatch) {
    return blueprints
        .findRevision(caller.orgId(), Ids.require(id, "blueprint"), blank(versionLock))
        .map(found -> found.orElseThrow(() -> notFound(id, versionLock)))
        .map(blueprint -> view(blueprint, ifNoneMatch));
  }

  /** The stored revision with this lock: every revision stays readable. */
  @GET
  @Path("/versions/{lock}")
  public Uni<RestResponse<BlueprintView>> version(@RestPath String id, @RestPath String lock) {
    return get(id, lock, null);
  }

  /** Full replace, recompiled: 200 when compiled, 202 pending, 422 (nothing changed) invalid. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<BlueprintCreated>> replace(
      @RestPath String id,
      JsonNode body,
      @RestHeader("X-Version-Lock") String versionLock,
      @RestHeader("If-Match") String ifMatch) {
    ExpectedLock expected = VersionLockHeaders.requireWrite(versionLock, ifMatch);
    JsonNode document = RequestBodies.requireObject(body, ProblemType.INVALID_BLUEPRINT);
    UUID blueprintId = Ids.require(id, "blueprint");
    return resolve(blueprintId, expected)
        .chain(lock -> write(blueprintId, lock, current -> document))
        .map(written -> BlueprintAnswers.written(written, RestResponse.Status.OK));
  }

  /** Upserts nodes by id ({@code __delete__} removes one) and recompiles. */
  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<BlueprintPatched>> patch(
      @RestPath String id,
      JsonNode body,
      @RestHeader("X-Version-Lock") String versionLock,
      @RestHeader("If-Match") String ifMatch) {
    ExpectedLock expected = VersionLockHeaders.requireWrite(versionLock, ifMatch);
    JsonNode patch = RequestBodies.requireObject(body, ProblemType.INVALID_REQUEST);
    UUID blueprintId = Ids.require(id, "blueprint");
    return resolve(blueprintId, expected)
        .chain(lock -> write(blueprintId, lock, current -> patched(current, patch)))
        .map(BlueprintRevisionResource::patchedAnswer);
  }

  @DELETE
  public Uni<RestResponse<Void>> delete(
      @RestPath String id,
      @RestHeader("X-Version-Lock") String versionLock,
      @RestHeader("If-Match") String ifMatch) {
    ExpectedLock expected = VersionLockHeaders.requireWrite(versionLock, ifMatch);
    UUID blueprintId = Ids.require(id, "blueprint");
    return resolve(blueprintId, expected)
        .chain(lock -> revisions.delete(caller.orgId(), blueprintId, lock.lock()))
        .map(result -> outcome(result, id, expected))
        .map(deleted -> RestResponse.noContent());
  }

  /** A new blueprint with this one's current document; needs no lock. */
  @POST
  @Path("/clone")
  public Uni<RestResponse<BlueprintCreated>> cloneBlueprint(@RestPath String id) {
    return blueprints
        .find(caller.orgId(), Ids.require(id, "blueprint"))
        .map(found -> found.orElseThrow(() -> Ids.notFound("blueprint", id)))
        .chain(blueprints::copy)
        .call(
            copy ->
                copy.status() == BlueprintStatus.PENDING
                    ? compiles.requestCompile(copy)
                    : Uni.createFrom().voidItem())
        .map(copy -> BlueprintAnswers.written(copy, RestResponse.Status.CREATED));
  }

  /** {@code If-Match: *} is bound to the lock that is current now. */
  private Uni<ExpectedLock> resolve(UUID id, ExpectedLock expected) {
    if (!expected.any()) {
      return Uni.createFrom().item(expected);
    }
    return blueprints
        .find(caller.orgId(), id)
        .map(found -> found.orElseThrow(() -> Ids.notFound("blueprint", id.toString())))
        .map(current -> expected.resolvedTo(current.versionLock()));
  }

  /**
   * Reads the revision the lock names, derives the new document, writes it with a compare-and-set
   * on the lock, then compiles it. A rejected revision is undone, so the blueprint stays as it was.
   */
  private Uni<StoredBlueprint> write(
      UUID id, ExpectedLock expected, Function<StoredBlueprint, JsonNode> change) {
    String org = caller.orgId();
    return blueprints
        .find(org, id)
        .map(found -> found.orElseThrow(() -> Ids.notFound("blueprint", id.toString())))
        .map(current -> change.apply(requireCurrent(current, expected)))
        .chain(document -> revisions.replace(org, id, expected.lock(), document))
        .map(result -> outcome(result, id.toString(), expected))
        .chain(compiles::compile)
        .chain(compiled -> rejectIfInvalid(compiled, expected));
  }

  private Uni<StoredBlueprint> rejectIfInvalid(StoredBlueprint compiled, ExpectedLock expected) {
    if (compiled.status() != BlueprintStatus.INVALID) {
      return Uni.createFrom().item(compiled);
    }
    return revisions
        .revert(compiled.id(), compiled.versionLock(), expected.lock())
        .chain(() -> Uni.createFrom().failure(BlueprintCompiles.rejection(compiled)));
  }

  private static StoredBlueprint requireCurrent(StoredBlueprint current, ExpectedLock expected) {
    if (!current.versionLock().equals(expected.lock())) {
      throw expected.stale(current.id().toString());
    }
    return current;
  }

  private static <T> T outcome(LockedWrite<T> result, String id, ExpectedLock expected) {
    return switch (result) {
      case LockedWrite.Written<T> written -> written.value();
      case LockedWrite.Missing<T> missing -> throw Ids.notFound("blueprint", id);
      case LockedWrite.Stale<T> stale -> throw expected.stale(id);
    };
  }

  private static JsonNode patched(StoredBlueprint current, JsonNode patch) {
    return switch (NodePatch.apply(current.document(), patch)) {
      case NodePatch.Patched patched -> patched.document();
      case NodePatch.Unpatchable unpatchable ->
          throw ProblemException.invalid(ProblemType.INVALID_REQUEST, unpatchable.violations());
    };
  }

  private static RestResponse<BlueprintPatched> patchedAnswer(StoredBlueprint written) {
    return VersionLockHeaders.add(
            RestResponse.ResponseBuilder.<BlueprintPatched>create(
                    written.status() == BlueprintStatus.PENDING
                        ? RestResponse.Status.ACCEPTED
                        : RestResponse.Status.OK)
                .entity(
                    new BlueprintPatched(
                        written.id().toString(),
                        written.versionLock(),
                        written.document().path("nodes").size())),
            written.versionLock())
        .build();
  }

  private static RestResponse<BlueprintView> view(StoredBlueprint blueprint, String ifNoneMatch) {
    RestResponse.ResponseBuilder<BlueprintView> builder =
        VersionLockHeaders.matches(ifNoneMatch, blueprint.versionLock())
            ? RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED)
            : RestResponse.ResponseBuilder.ok(BlueprintView.of(blueprint));
    return VersionLockHeaders.add(builder, blueprint.versionLock()).build();
  }

  private static ProblemException notFound(String id, String versionLock) {
    return versionLock == null || versionLock.isBlank()
        ? Ids.notFound("blueprint", id)
        : new ProblemException(
            ProblemType.NOT_FOUND,
            "Blueprint " + id + " has no revision with version_lock '" + versionLock + "'.");
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
