package ai.iceos.scheduler.store;

import ai.iceos.scheduler.run.RunState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One execution: its whole {@link RunState} as one JSON document, plus the columns queried on their
 * own. {@code version} makes a concurrent change of the same run fail the later commit.
 */
@Entity
@Table(name = "run", schema = "scheduler")
public class RunEntity extends PanacheEntityBase {
  @Id
  @Column(name = "execution_id")
  public String executionId;

  @Column(name = "org_id")
  public String orgId;

  @Column(name = "blueprint_id")
  public String blueprintId;

  public String status;

  /** Sent and read as text: json keeps the document byte for byte (decimals, key order). */
  @Column(columnDefinition = "json")
  @ColumnTransformer(read = "cast(state as text)", write = "cast(cast(? as text) as json)")
  public String state;

  @Version public long version;

  @Column(name = "next_retry_at")
  public OffsetDateTime nextRetryAt;

  /** Set by the database's default. */
  @Column(name = "created_at", insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", insertable = false)
  public OffsetDateTime updatedAt;

  static RunEntity of(RunState state) {
    RunEntity entity = new RunEntity();
    entity.executionId = state.executionId();
    entity.orgId = state.orgId();
    entity.blueprintId = state.blueprintId();
    entity.write(state);
    return entity;
  }

  RunState toState() {
    return StoreJson.read(state, RunState.class);
  }

  private void write(RunState newState) {
    status = newState.status().wireName();
    state = StoreJson.write(newState);
    nextRetryAt = newState.nextWakeAt().map(RunEntity::timestamp).orElse(null);
  }

  /**
   * Stores a new state of an execution read at {@code version}, in the caller's transaction,
   * without loading the row; fails with an {@link OptimisticLockException} when the stored version
   * is another (a concurrent change won).
   */
  static Uni<Void> write(String executionId, long version, RunState newState, Instant now) {
    Instant wake = newState.nextWakeAt().orElse(null);
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "UPDATE scheduler.run SET status = :status,"
                            + " state = cast(cast(:state as text) as json),"
                            + " next_retry_at = CASE WHEN :hasWake THEN cast(:wake as timestamptz)"
                            + " END,"
                            + " version = version + 1, updated_at = cast(:now as timestamptz)"
                            + " WHERE execution_id = :id AND version = :version")
                    .setParameter("status", newState.status().wireName())
                    .setParameter("state", StoreJson.write(newState))
                    .setParameter("hasWake", wake != null)
                    .setParameter("wake", timestamp(wake != null ? wake : now))
                    .setParameter("now", timestamp(now))
                    .setParameter("id", executionId)
                    .setParameter("version", version)
                    .executeUpdate())
        .invoke(
            updated -> {
              if (updated != 1) {
                throw new OptimisticLockException(
                    "execution " + executionId + " is no longer at version " + version);
              }
            })
        .replaceWithVoid();
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
