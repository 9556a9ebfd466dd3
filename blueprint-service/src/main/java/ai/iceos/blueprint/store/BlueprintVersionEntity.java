package ai.iceos.blueprint.store;

import ai.iceos.contracts.plan.ExecutionPlan;
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
import org.hibernate.annotations.DynamicUpdate;

/** One stored revision of a blueprint, kept so that an execution can pin the one it runs. */
@Entity
@Table(name = "blueprint_version", schema = "blueprint")
@IdClass(BlueprintVersionEntity.Key.class)
@DynamicUpdate
public class BlueprintVersionEntity extends PanacheEntityBase {
  @Id
  @Column(name = "blueprint_id")
  public UUID blueprintId;

  @Id public long revision;

  @Column(name = "version_lock")
  public String versionLock;

  public String status;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(read = "cast(document as text)", write = "cast(cast(? as text) as jsonb)")
  public String document;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(read = "cast(plan as text)", write = "cast(cast(? as text) as jsonb)")
  public String plan;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(read = "cast(errors as text)", write = "cast(cast(? as text) as jsonb)")
  public String errors;

  public boolean forbidden;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  /** The revision {@code current} was last written with, in the state it has now. */
  static BlueprintVersionEntity of(BlueprintEntity current) {
    BlueprintVersionEntity entity = new BlueprintVersionEntity();
    entity.blueprintId = current.id;
    entity.revision = current.revision;
    entity.versionLock = current.versionLock;
    entity.status = current.status;
    entity.document = current.document;
    entity.plan = current.plan;
    entity.errors = current.errors;
    entity.forbidden = current.forbidden;
    entity.createdAt = current.updatedAt;
    return entity;
  }

  boolean isPending() {
    return BlueprintStatus.PENDING.wireName().equals(status);
  }

  void decide(Verdict verdict) {
    status = verdict.status().wireName();
    plan = verdict.plan();
    errors = verdict.errors();
    forbidden = verdict.forbidden();
  }

  ExecutionPlan toPlan() {
    return JsonColumns.read(plan, ExecutionPlan.class);
  }

  /** This revision, with what only the blueprint row holds (org, last update). */
  StoredBlueprint toStored(BlueprintEntity blueprint) {
    return new StoredBlueprint(
        blueprintId,
        blueprint.orgId,
        revision,
        versionLock,
        BlueprintStatus.fromWireName(status),
        JsonColumns.tree(document),
        toPlan(),
        JsonColumns.read(errors, BlueprintEntity.VIOLATIONS),
        forbidden,
        JsonColumns.instant(createdAt),
        JsonColumns.instant(blueprint.updatedAt));
  }

  /** The primary key: (blueprint_id, revision). */
  public static final class Key implements Serializable {
    public UUID blueprintId;
    public long revision;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && revision == key.revision
          && Objects.equals(blueprintId, key.blueprintId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(blueprintId, revision);
    }
  }
}
