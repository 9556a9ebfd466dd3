package ai.iceos.scheduler.store;

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
 * One execution: its whole {@code RunState} as one JSON document, plus the columns queried on their
 * own. Written by {@link RunTable} (version-checked); mapped here for the timer's queries.
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

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
