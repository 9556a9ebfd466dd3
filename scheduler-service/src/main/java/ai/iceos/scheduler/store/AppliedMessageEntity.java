package ai.iceos.scheduler.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of the idempotency ledger. Rows are inserted by {@link AppliedMessageLedger#recordFirst}
 * (insert-if-absent in SQL); the entity serves the pruning.
 */
@Entity
@Table(name = "applied_message", schema = "scheduler")
public class AppliedMessageEntity extends PanacheEntityBase {
  @Id
  @Column(name = "message_id")
  public UUID messageId;

  /** Set by the database's default. */
  @Column(name = "applied_at", insertable = false, updatable = false)
  public OffsetDateTime appliedAt;
}
