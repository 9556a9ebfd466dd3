package ai.iceos.blueprint.store;

import ai.iceos.contracts.policy.OrgPolicy;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What a start needs to know before it stores the execution, in one statement on the reactive pool
 * (decision 0123): the revision to run (the current one, or the one the version lock names), its
 * status, and the org's policy. Documents and plans are not read: a compiled plan comes from {@link
 * CompiledRevisions}.
 */
@ApplicationScoped
public class StartLookups {
  private static final long MAX_POLICIES = 10_000;

  private static final String LOOKUP =
      "select b.revision, b.version_lock, b.status, v.revision, v.status,"
          + " (select cast(p.policy as text) from blueprint.org_policy p where p.org_id = $2)"
          + " from blueprint.blueprint b left join blueprint.blueprint_version v"
          + " on v.blueprint_id = b.id and v.version_lock = $3"
          + " where b.id = $1 and b.org_id = $2";

  /** What a start found; a sealed set so that the caller answers each case. */
  public sealed interface StartLookup {}

  /** The org has no blueprint with that id. */
  public record NoBlueprint() implements StartLookup {}

  /** The blueprint exists but has no revision with the requested version lock. */
  public record NoRevision() implements StartLookup {}

  /** The revision to run, and the org's policy. */
  public record Found(
      UUID blueprintId, long revision, String versionLock, BlueprintStatus status, OrgPolicy policy)
      implements StartLookup {}

  private record ParsedPolicy(String json, OrgPolicy policy) {}

  private final Pool pool;
  private final Cache<String, ParsedPolicy> policies =
      Caffeine.newBuilder().maximumSize(MAX_POLICIES).build();

  StartLookups(Pool pool) {
    this.pool = pool;
  }

  /**
   * The revision of the org's blueprint a start runs.
   *
   * @param versionLock the requested revision's lock, or null for the current revision
   */
  public Uni<StartLookup> find(String orgId, UUID blueprintId, String versionLock) {
    return pool.preparedQuery(LOOKUP)
        .execute(Tuple.of(blueprintId, orgId, versionLock))
        .map(rows -> lookup(orgId, blueprintId, versionLock, rows));
  }

  private StartLookup lookup(String orgId, UUID id, String versionLock, RowSet<Row> rows) {
    if (rows.size() == 0) {
      return new NoBlueprint();
    }
    Row row = rows.iterator().next();
    OrgPolicy policy = policy(orgId, row.getString(5));
    if (versionLock == null || versionLock.equals(row.getString(1))) {
      return new Found(
          id,
          row.getLong(0),
          row.getString(1),
          BlueprintStatus.fromWireName(row.getString(2)),
          policy);
    }
    if (row.getLong(3) == null) {
      return new NoRevision();
    }
    return new Found(
        id, row.getLong(3), versionLock, BlueprintStatus.fromWireName(row.getString(4)), policy);
  }

  /** The stored policy as {@link PolicyStore#of} reads it, parsed once per org and text. */
  private OrgPolicy policy(String orgId, String json) {
    if (json == null) {
      return OrgPolicy.defaults();
    }
    ParsedPolicy parsed = policies.getIfPresent(orgId);
    if (parsed == null || !parsed.json().equals(json)) {
      parsed = new ParsedPolicy(json, JsonColumns.read(json, OrgPolicy.class));
      policies.put(orgId, parsed);
    }
    return parsed.policy();
  }
}
