package ai.iceos.blueprint.api;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.messaging.BlueprintCommandPublisher;
import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.BlueprintStore;
import ai.iceos.blueprint.store.StoredBlueprint;
import ai.iceos.blueprint.waiting.WaitKeys;
import ai.iceos.blueprint.waiting.Wakeups;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Blueprints: create (compiled before answering) and read. */
@Path("/api/v1/blueprints")
@Produces(MediaType.APPLICATION_JSON)
public class BlueprintResource {
  private final Caller caller;
  private final BlueprintStore blueprints;
  private final BlueprintCommandPublisher commands;
  private final Wakeups wakeups;
  private final BlueprintServiceConfig config;

  BlueprintResource(
      Caller caller,
      BlueprintStore blueprints,
      BlueprintCommandPublisher commands,
      Wakeups wakeups,
      BlueprintServiceConfig config) {
    this.caller = caller;
    this.blueprints = blueprints;
    this.commands = commands;
    this.wakeups = wakeups;
    this.config = config;
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
    String org = caller.orgId();
    return blueprints
        .create(org, document)
        .chain(
            stored ->
                Uni.combine()
                    .all()
                    .unis(requestCompile(stored), awaitVerdict(org, stored))
                    .with((sent, verdict) -> verdict))
        .chain(this::answerCreate);
  }

  @GET
  @Path("/{id}")
  public Uni<RestResponse<BlueprintView>> get(@RestPath String id) {
    return blueprints
        .find(caller.orgId(), Ids.require(id, "blueprint"))
        .map(found -> found.orElseThrow(() -> Ids.notFound("blueprint", id)))
        .map(
            blueprint ->
                VersionLockHeaders.add(
                        RestResponse.ResponseBuilder.ok(BlueprintView.of(blueprint)),
                        blueprint.versionLock())
                    .build());
  }

  /** Sent after the row is committed; if it fails, the overdue re-sender tries again. */
  private Uni<Void> requestCompile(StoredBlueprint stored) {
    return commands
        .compile(stored)
        .ifNoItem()
        .after(config.sendTimeout())
        .fail()
        .onFailure()
        .invoke(
            e ->
                Log.warnf(
                    "Compile request of blueprint %s not sent yet: %s", stored.id(), e.toString()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<StoredBlueprint> awaitVerdict(String org, StoredBlueprint stored) {
    return wakeups
        .await(
            WaitKeys.blueprint(stored.id().toString()),
            () ->
                blueprints
                    .find(org, stored.id())
                    .map(found -> found.filter(b -> b.status() != BlueprintStatus.PENDING)),
            config.compileTimeout())
        .map(verdict -> verdict.orElse(stored));
  }

  private Uni<RestResponse<BlueprintCreated>> answerCreate(StoredBlueprint blueprint) {
    String id = blueprint.id().toString();
    return switch (blueprint.status()) {
      case COMPILED ->
          Uni.createFrom()
              .item(
                  VersionLockHeaders.add(
                          RestResponse.ResponseBuilder.<BlueprintCreated>create(
                                  RestResponse.Status.CREATED)
                              .location(URI.create("/api/v1/blueprints/" + id))
                              .entity(
                                  new BlueprintCreated(
                                      id,
                                      blueprint.versionLock(),
                                      blueprint.status(),
                                      PlanSummary.of(blueprint.plan()))),
                          blueprint.versionLock())
                      .build());
      case PENDING ->
          Uni.createFrom()
              .item(
                  VersionLockHeaders.add(
                          RestResponse.ResponseBuilder.<BlueprintCreated>create(
                                  RestResponse.Status.ACCEPTED)
                              .location(URI.create("/api/v1/blueprints/" + id))
                              .entity(
                                  new BlueprintCreated(
                                      id, blueprint.versionLock(), blueprint.status(), null)),
                          blueprint.versionLock())
                      .build());
      case INVALID ->
          blueprints
              .delete(blueprint.id())
              .chain(
                  () ->
                      Uni.createFrom()
                          .<RestResponse<BlueprintCreated>>failure(
                              ProblemException.invalid(
                                  blueprint.forbidden()
                                      ? ProblemType.FORBIDDEN_BLUEPRINT
                                      : ProblemType.INVALID_BLUEPRINT,
                                  blueprint.errors())));
    };
  }
}
