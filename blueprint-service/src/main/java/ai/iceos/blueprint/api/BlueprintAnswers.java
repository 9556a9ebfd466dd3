package ai.iceos.blueprint.api;

import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.StoredBlueprint;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** The success answers of blueprint writes, each with the new lock in the headers. */
final class BlueprintAnswers {
  private BlueprintAnswers() {}

  /**
   * {@code {id, version_lock, status, plan}}: {@code compiledStatus} once compiled, 202 (no plan)
   * while still pending.
   */
  static RestResponse<BlueprintCreated> written(
      StoredBlueprint blueprint, RestResponse.Status compiledStatus) {
    String id = blueprint.id().toString();
    boolean pending = blueprint.status() == BlueprintStatus.PENDING;
    return VersionLockHeaders.add(
            RestResponse.ResponseBuilder.<BlueprintCreated>create(
                    pending ? RestResponse.Status.ACCEPTED : compiledStatus)
                .location(URI.create("/api/v1/blueprints/" + id))
                .entity(
                    new BlueprintCreated(
                        id,
                        blueprint.versionLock(),
                        blueprint.status(),
                        PlanSummary.of(blueprint.plan()))),
            blueprint.versionLock())
        .build();
  }
}
