package ai.iceos.blueprint.store;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/**
 * One run event of an execution, exactly as the scheduler published it. Rows are inserted by {@link
 * ExecutionStore#append} (insert-if-absent in SQL) and never change; the entity serves the reads.
 */
@Entity
@Table(name = "run_event", schema = "blueprint")
@IdClass(RunEventEntity.Key.class)
@Immutable
public class RunEventEntity extends PanacheEntityBase {
  @Id
  @Column(name = "execution_id")
  public UUID executionId;

  @Id public long sequence;

  @Column(name = "message_id")
  public UUID messageId;

  @Column(name = "event_type")
  public String eventType;

  @Column(name = "node_id")
  public String nodeId;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(read = "cast(data as text)", write = "cast(cast(? as text) as jsonb)")
  public String data;

  public OffsetDateTime timestamp;

  RunEvent toEvent() {
    return new RunEvent(
        messageId,
        executionId.toString(),
        sequence,
        RunEventType.fromWireName(eventType),
        nodeId,
        JsonColumns.tree(data),
        JsonColumns.instant(timestamp));
  }

  /** The primary key: (execution_id, sequence). */
  public static final class Key implements Serializable {
    public UUID executionId;
    public long sequence;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && sequence == key.sequence
          && Objects.equals(executionId, key.executionId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(executionId, sequence);
    }
  }
}
