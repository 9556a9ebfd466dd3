package ai.iceos.blueprint.store;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;

/**
 * The current revision of a blueprint. jsonb columns travel as text, like {@link JsonColumns} says;
 * updates write only the changed columns, so a verdict does not rewrite the document.
 */
@Entity
@Table(name = "blueprint", schema = "blueprint")
@DynamicUpdate
public class BlueprintEntity extends PanacheEntityBase {
  static final TypeReference<List<Violation>> VIOLATIONS = new TypeReference<>() {};

  @Id public UUID id;

  @Column(name = "org_id")
  public String orgId;

  public long revision;

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

  @Column(name = "compile_requested_at")
  public OffsetDateTime compileRequestedAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /** Revision 1, pending compilation, asked for now. */
  static BlueprintEntity pending(
      UUID id, String orgId, String versionLock, String document, OffsetDateTime now) {
    BlueprintEntity entity = new BlueprintEntity();
    entity.id = id;
    entity.orgId = orgId;
    entity.revision = 1;
    entity.versionLock = versionLock;
    entity.status = BlueprintStatus.PENDING.wireName();
    entity.document = document;
    entity.forbidden = false;
    entity.compileRequestedAt = now;
    entity.createdAt = now;
    entity.updatedAt = now;
    return entity;
  }

  /** A new blueprint (revision 1) with the document and compile state of {@code source}. */
  static BlueprintEntity copyOf(
      StoredBlueprint source, UUID id, String versionLock, OffsetDateTime now) {
    BlueprintEntity entity =
        pending(id, source.orgId(), versionLock, JsonColumns.write(source.document()), now);
    entity.status = source.status().wireName();
    entity.plan = JsonColumns.write(source.plan());
    entity.errors = source.errors().isEmpty() ? null : JsonColumns.write(source.errors());
    entity.forbidden = source.forbidden();
    return entity;
  }

  boolean isPending(long atRevision) {
    return revision == atRevision && BlueprintStatus.PENDING.wireName().equals(status);
  }

  void decide(Verdict verdict, OffsetDateTime now) {
    status = verdict.status().wireName();
    plan = verdict.plan();
    errors = verdict.errors();
    forbidden = verdict.forbidden();
    updatedAt = now;
  }

  StoredBlueprint toStored() {
    return new StoredBlueprint(
        id,
        orgId,
        revision,
        versionLock,
        BlueprintStatus.fromWireName(status),
        JsonColumns.tree(document),
        JsonColumns.read(plan, ExecutionPlan.class),
        JsonColumns.read(errors, VIOLATIONS),
        forbidden,
        JsonColumns.instant(createdAt),
        JsonColumns.instant(updatedAt));
  }
}
