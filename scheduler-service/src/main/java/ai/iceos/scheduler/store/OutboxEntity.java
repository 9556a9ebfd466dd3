package ai.iceos.scheduler.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnTransformer;

/** A row of the transactional outbox; {@link OutboxRow} is what leaves the store. */
@Entity
@Table(name = "outbox", schema = "scheduler")
public class OutboxEntity extends PanacheEntityBase {
  /** bigserial: increasing in insert order, which is the order rows are sent in. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String topic;

  @Column(name = "record_key")
  public String recordKey;

  /** Sent and read as text, like {@code run.state}. */
  @Column(columnDefinition = "json")
  @ColumnTransformer(read = "cast(payload as text)", write = "cast(cast(? as text) as json)")
  public String payload;

  /** The W3C trace context of the change that wrote the row, or null. */
  public String traceparent;

  /** Set by the database's default ({@code clock_timestamp()}). */
  @Column(name = "created_at", insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  static OutboxEntity of(String topic, String recordKey, String payload, String traceparent) {
    OutboxEntity entity = new OutboxEntity();
    entity.traceparent = traceparent;
    entity.topic = topic;
    entity.recordKey = recordKey;
    entity.payload = payload;
    return entity;
  }

  OutboxRow toRow() {
    return new OutboxRow(id, topic, recordKey, payload, traceparent);
  }
}
