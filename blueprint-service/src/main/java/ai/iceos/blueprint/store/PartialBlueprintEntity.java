package ai.iceos.blueprint.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A partial blueprint; written by {@link PartialStore} (creates here, locked updates in SQL). */
@Entity
@Table(name = "partial_blueprint", schema = "blueprint")
public class PartialBlueprintEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "org_id")
  public String orgId;

  @Column(name = "version_lock")
  public String versionLock;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(read = "cast(nodes as text)", write = "cast(cast(? as text) as jsonb)")
  public String nodes;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  StoredPartial toStored() {
    return new StoredPartial(id, orgId, versionLock, (ArrayNode) JsonColumns.tree(nodes));
  }
}
