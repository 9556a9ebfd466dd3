package ai.iceos.blueprint.store;

import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Blueprints and their revisions (schema {@code blueprint}); each method is one transaction. */
@ApplicationScoped
public class BlueprintStore {
  private final Sessions sessions;
  private final InstantSource clock;

  BlueprintStore(Sessions sessions, InstantSource clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Stores revision 1 of a new blueprint, pending compilation, with a fresh version lock. */
  public Uni<StoredBlueprint> create(String orgId, JsonNode document) {
    UUID id = UUID.randomUUID();
    String lock = VersionLock.fresh();
    Instant now = clock.instant();
    BlueprintEntity blueprint =
        BlueprintEntity.pending(id, orgId, lock, JsonColumns.write(document), JsonColumns.at(now));
    return sessions
        .inTransaction(
            () -> blueprint.persist().chain(() -> BlueprintVersionEntity.of(blueprint).persist()))
        .replaceWith(
            new StoredBlueprint(
                id,
                orgId,
                1,
                lock,
                BlueprintStatus.PENDING,
                document,
                null,
                List.of(),
                false,
                now,
                now));
  }

  /**
   * A new blueprint of the same org with the source's document; a compiled (or invalid) source
   * passes its verdict on, as the same document under the same policy gets the same one.
   */
  public Uni<StoredBlueprint> copy(StoredBlueprint source) {
    BlueprintEntity blueprint =
        BlueprintEntity.copyOf(
            source, UUID.randomUUID(), VersionLock.fresh(), JsonColumns.at(clock.instant()));
    return sessions
        .inTransaction(
            () -> blueprint.persist().chain(() -> BlueprintVersionEntity.of(blueprint).persist()))
        .map(ignored -> blueprint.toStored());
  }

  /** The org's blueprints, newest first, after {@code after} (null for the first page). */
  public Uni<Page<StoredBlueprint>> list(String orgId, PageCursor after, int limit) {
    return sessions
        .inSession(
            () ->
                (after == null
                        ? BlueprintEntity.<BlueprintEntity>find(
                            "orgId = ?1", Sort.descending("createdAt", "id"), orgId)
                        : BlueprintEntity.<BlueprintEntity>find(
                            "orgId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))",
                            Sort.descending("createdAt", "id"),
                            orgId,
                            JsonColumns.at(after.createdAt()),
                            after.id()))
                    .page(0, limit + 1)
                    .<BlueprintEntity>list())
        .map(
            rows ->
                Page.of(
                    rows,
                    limit,
                    BlueprintEntity::toStored,
                    row -> new PageCursor(JsonColumns.instant(row.createdAt), row.id)));
  }

  /** The current revision of the org's blueprint. */
  public Uni<Optional<StoredBlueprint>> find(String orgId, UUID id) {
    return sessions
        .inSession(() -> current(orgId, id))
        .map(found -> Optional.ofNullable(found).map(BlueprintEntity::toStored));
  }

  /**
   * The revision an execution should run: the current one without a lock, else the stored revision
   * with that lock.
   */
  public Uni<Optional<StoredBlueprint>> findRevision(String orgId, UUID id, String versionLock) {
    if (versionLock == null) {
      return find(orgId, id);
    }
    return sessions.inSession(
        () ->
            current(orgId, id)
                .chain(
                    blueprint ->
                        blueprint == null
                            ? Uni.createFrom().item(Optional.<StoredBlueprint>empty())
                            : BlueprintVersionEntity.<BlueprintVersionEntity>find(
                                    "blueprintId = ?1 and versionLock = ?2", id, versionLock)
                                .firstResult()
                                .map(
                                    version ->
                                        Optional.ofNullable(version)
                                            .map(v -> v.toStored(blueprint)))));
  }

  /** The plan of one stored revision, if it was compiled. */
  public Uni<Optional<ExecutionPlan>> plan(UUID id, long revision) {
    return sessions
        .inSession(() -> version(id, revision).<BlueprintVersionEntity>firstResult())
        .map(version -> Optional.ofNullable(version).map(BlueprintVersionEntity::toPlan));
  }

  /** Removes a blueprint and all its revisions. */
  public Uni<Void> delete(UUID id) {
    return sessions
        .inTransaction(
            () ->
                BlueprintVersionEntity.delete("blueprintId = ?1", id)
                    .chain(() -> BlueprintEntity.delete("id = ?1", id)))
        .replaceWithVoid();
  }

  /**
   * Applies a compiler verdict if it answers the current revision and that is still pending. The
   * rows are locked while checked, so of two copies of one verdict only the first changes them.
   *
   * @return true if the verdict changed the blueprint
   */
  public Uni<Boolean> applyVerdict(BlueprintEvent event) {
    UUID id;
    try {
      id = UUID.fromString(event.blueprintId());
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().item(false);
    }
    Verdict verdict = Verdict.of(event);
    long revision = event.revision();
    return sessions.inTransaction(
        () ->
            version(id, revision)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .<BlueprintVersionEntity>firstResult()
                .invoke(
                    version -> {
                      if (version != null && version.isPending()) {
                        version.decide(verdict);
                      }
                    })
                .chain(
                    () ->
                        BlueprintEntity.<BlueprintEntity>findById(
                            id, LockModeType.PESSIMISTIC_WRITE))
                .map(blueprint -> decide(blueprint, revision, verdict)));
  }

  private boolean decide(BlueprintEntity blueprint, long revision, Verdict verdict) {
    if (blueprint == null || !blueprint.isPending(revision)) {
      return false;
    }
    blueprint.decide(verdict, JsonColumns.at(clock.instant()));
    return true;
  }

  /** Blueprints still pending whose last compile request is older than {@code age}. */
  public Uni<List<StoredBlueprint>> overdue(Duration age, int limit) {
    var before = JsonColumns.at(clock.instant().minus(age));
    return sessions
        .inSession(
            () ->
                BlueprintEntity.<BlueprintEntity>find(
                        "status = ?1 and compileRequestedAt < ?2",
                        Sort.by("compileRequestedAt"),
                        BlueprintStatus.PENDING.wireName(),
                        before)
                    .page(0, limit)
                    .<BlueprintEntity>list())
        .map(rows -> rows.stream().map(BlueprintEntity::toStored).toList());
  }

  /** Records that a compile request was (re-)sent now. */
  public Uni<Void> compileRequested(UUID id) {
    var now = JsonColumns.at(clock.instant());
    return sessions
        .inTransaction(
            () -> BlueprintEntity.update("compileRequestedAt = ?1 where id = ?2", now, id))
        .replaceWithVoid();
  }

  private static Uni<BlueprintEntity> current(String orgId, UUID id) {
    return BlueprintEntity.<BlueprintEntity>find("id = ?1 and orgId = ?2", id, orgId).firstResult();
  }

  private static PanacheQuery<BlueprintVersionEntity> version(UUID id, long revision) {
    return BlueprintVersionEntity.find("blueprintId = ?1 and revision = ?2", id, revision);
  }
}
