package ai.iceos.scheduler.store;

import ai.iceos.scheduler.run.RunState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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

  /** Replaces the stored state; the version check happens when the session flushes. */
  void update(RunState newState, Instant now) {
    write(newState);
    updatedAt = timestamp(now);
  }

  private void write(RunState newState) {
    status = newState.status().wireName();
    state = StoreJson.write(newState);
    nextRetryAt = newState.nextWakeAt().map(RunEntity::timestamp).orElse(null);
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
