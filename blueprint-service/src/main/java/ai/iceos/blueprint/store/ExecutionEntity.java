package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.contracts.messaging.RunOptions;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One execution, with its public view as folded so far. {@code lastSequence} is the last run event
 * folded into the view. Rows are inserted and folded by {@link ExecutionStore#create} and {@link
 * RunEventProjection} on the reactive pool (decision 0123); the entity serves the reads and the
 * re-sender's updates, which write only the changed columns.
 */
@Entity
@Table(name = "execution", schema = "blueprint")
@DynamicUpdate
public class ExecutionEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "org_id")
  public String orgId;

  @Column(name = "blueprint_id")
  public UUID blueprintId;

  public long revision;

  @Column(name = "version_lock")
  public String versionLock;

  public String status;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(read = "cast(inputs as text)", write = "cast(cast(? as text) as jsonb)")
  public String inputs;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(read = "cast(options as text)", write = "cast(cast(? as text) as jsonb)")
  public String options;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(read = "cast(view as text)", write = "cast(cast(? as text) as jsonb)")
  public String view;

  @Column(name = "idempotency_key")
  public String idempotencyKey;

  @Column(name = "last_sequence")
  public long lastSequence;

  @Column(name = "start_requested_at")
  public OffsetDateTime startRequestedAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "finished_at")
  public OffsetDateTime finishedAt;

  ExecutionView toView() {
    return JsonColumns.read(view, ExecutionView.class);
  }

  StoredExecution toStored() {
    return new StoredExecution(
        id,
        orgId,
        blueprintId,
        revision,
        versionLock,
        JsonColumns.tree(inputs),
        JsonColumns.read(options, RunOptions.class),
        toView());
  }
}
