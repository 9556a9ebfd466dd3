package ai.iceos.blueprint.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An API token, stored only as the lower-case hex SHA-256 of the token, with its org. */
@Entity
@Table(name = "api_token", schema = "blueprint")
public class ApiTokenEntity extends PanacheEntityBase {
  @Id
  @Column(name = "token_sha256")
  public String tokenSha256;

  @Column(name = "org_id")
  public String orgId;

  /** Set by the database's default. */
  @Column(name = "created_at", insertable = false, updatable = false)
  public OffsetDateTime createdAt;
}
