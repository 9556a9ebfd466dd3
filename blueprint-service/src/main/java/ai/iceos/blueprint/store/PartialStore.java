package ai.iceos.blueprint.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/** Partial blueprints (table {@code partial_blueprint}); edits are compare-and-set on the lock. */
@ApplicationScoped
public class PartialStore {
  private static final String EDIT =
      "update blueprint.partial_blueprint set nodes = cast(cast(:nodes as text) as jsonb),"
          + " version_lock = :lock, updated_at = :now"
          + " where id = :id and org_id = :org and version_lock = :expected";

  private final Sessions sessions;
  private final InstantSource clock;

  PartialStore(Sessions sessions, InstantSource clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  public Uni<StoredPartial> create(String orgId, ArrayNode nodes) {
    PartialBlueprintEntity entity = new PartialBlueprintEntity();
    entity.id = UUID.randomUUID();
    entity.orgId = orgId;
    entity.versionLock = VersionLock.fresh();
    entity.nodes = JsonColumns.write(nodes);
    entity.createdAt = JsonColumns.at(clock.instant());
    entity.updatedAt = entity.createdAt;
    return sessions.inTransaction(entity::persist).replaceWith(entity::toStored);
  }

  public Uni<Optional<StoredPartial>> find(String orgId, UUID id) {
    return sessions
        .inSession(
            () ->
                PartialBlueprintEntity.<PartialBlueprintEntity>find(
                        "id = ?1 and orgId = ?2", id, orgId)
                    .firstResult())
        .map(found -> Optional.ofNullable(found).map(PartialBlueprintEntity::toStored));
  }

  /** Replaces the nodes if {@code expectedLock} is current; a new lock otherwise stale/missing. */
  public Uni<LockedWrite<StoredPartial>> edit(
      String orgId, UUID id, String expectedLock, ArrayNode nodes) {
    String lock = VersionLock.fresh();
    var now = JsonColumns.at(clock.instant());
    return sessions
        .inTransactionWith(
            session ->
                session
                    .createNativeQuery(EDIT)
                    .setParameter("nodes", JsonColumns.write(nodes))
                    .setParameter("lock", lock)
                    .setParameter("now", now)
                    .setParameter("id", id)
                    .setParameter("org", orgId)
                    .setParameter("expected", expectedLock)
                    .executeUpdate())
        .chain(
            rows ->
                rows == 1
                    ? Uni.createFrom()
                        .<LockedWrite<StoredPartial>>item(
                            new LockedWrite.Written<>(new StoredPartial(id, orgId, lock, nodes)))
                    : find(orgId, id)
                        .map(
                            found ->
                                found.isPresent()
                                    ? new LockedWrite.Stale<StoredPartial>()
                                    : new LockedWrite.Missing<StoredPartial>()));
  }
}
