package ai.iceos.blueprint.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes to an existing blueprint under the version-lock protocol. Each is one atomic
 * compare-and-set ({@code … where id = ? and org_id = ? and version_lock = ?}), so of two writers
 * holding the same lock exactly one wins, on any number of replicas. A successful write stores a
 * new revision row; rows are never rewritten, so every revision stays readable.
 */
@ApplicationScoped
public class BlueprintRevisions {
  private static final String REPLACE =
      "update blueprint.blueprint set"
          + " revision = (select max(v.revision) from blueprint.blueprint_version v"
          + "   where v.blueprint_id = :id) + 1,"
          + " version_lock = :lock, status = 'pending', document = cast(cast(:document as text) as"
          + " jsonb), plan = null, errors = null, forbidden = false, compile_requested_at = :now,"
          + " updated_at = :now"
          + " where id = :id and org_id = :org and version_lock = :expected";

  private static final String DELETE =
      "delete from blueprint.blueprint where id = :id and org_id = :org and version_lock ="
          + " :expected";

  /** Makes the revision with lock {@code previous} current again, if {@code rejected} still is. */
  private static final String REVERT =
      "update blueprint.blueprint b set revision = v.revision, version_lock = v.version_lock,"
          + " status = v.status, document = v.document, plan = v.plan, errors = v.errors,"
          + " forbidden = v.forbidden, updated_at = :now"
          + " from blueprint.blueprint_version v"
          + " where b.id = :id and b.version_lock = :rejected and v.blueprint_id = b.id"
          + " and v.version_lock = :previous";

  private static final String EXISTS =
      "select count(*) from blueprint.blueprint where id = :id and org_id = :org";

  private final Sessions sessions;
  private final InstantSource clock;

  BlueprintRevisions(Sessions sessions, InstantSource clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Replaces the document with a new revision, pending compilation, if the lock is current. */
  public Uni<LockedWrite<StoredBlueprint>> replace(
      String orgId, UUID id, String expectedLock, JsonNode document) {
    String lock = VersionLock.fresh();
    var now = JsonColumns.at(clock.instant());
    return sessions.inTransactionWith(
        session ->
            session
                .createNativeQuery(REPLACE)
                .setParameter("id", id)
                .setParameter("org", orgId)
                .setParameter("expected", expectedLock)
                .setParameter("lock", lock)
                .setParameter("document", JsonColumns.write(document))
                .setParameter("now", now)
                .executeUpdate()
                .chain(rows -> rows == 1 ? storeRevision(id) : failed(session, orgId, id)));
  }

  private static Uni<LockedWrite<StoredBlueprint>> storeRevision(UUID id) {
    return BlueprintEntity.<BlueprintEntity>findById(id)
        .chain(
            current ->
                BlueprintVersionEntity.of(current)
                    .persist()
                    .replaceWith(new LockedWrite.Written<>(current.toStored())));
  }

  /** Deletes the blueprint if the lock is current; its revisions stay for the executions. */
  public Uni<LockedWrite<UUID>> delete(String orgId, UUID id, String expectedLock) {
    return sessions.inTransactionWith(
        session ->
            session
                .createNativeQuery(DELETE)
                .setParameter("id", id)
                .setParameter("org", orgId)
                .setParameter("expected", expectedLock)
                .executeUpdate()
                .chain(
                    rows ->
                        rows == 1
                            ? Uni.createFrom()
                                .<LockedWrite<UUID>>item(new LockedWrite.Written<>(id))
                            : failed(session, orgId, id)));
  }

  /**
   * After the compiler rejected revision {@code rejected} of a replace, makes the revision the
   * writer replaced current again (the rejected row stays readable). Nothing happens if another
   * write came in between.
   */
  public Uni<Void> revert(UUID id, String rejected, String previous) {
    var now = JsonColumns.at(clock.instant());
    return sessions
        .inTransactionWith(
            session ->
                session
                    .createNativeQuery(REVERT)
                    .setParameter("id", id)
                    .setParameter("rejected", rejected)
                    .setParameter("previous", previous)
                    .setParameter("now", now)
                    .executeUpdate())
        .replaceWithVoid();
  }

  private static <T> Uni<LockedWrite<T>> failed(Mutiny.Session session, String orgId, UUID id) {
    return session
        .createNativeQuery(EXISTS, Long.class)
        .setParameter("id", id)
        .setParameter("org", orgId)
        .getSingleResult()
        .map(count -> count > 0 ? new LockedWrite.Stale<T>() : new LockedWrite.Missing<T>());
  }
}
