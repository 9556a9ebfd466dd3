package ai.iceos.blueprint.store;

import ai.iceos.contracts.policy.OrgPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;

/** The policy of each org (table {@code org_policy}); an org without a row has the defaults. */
@ApplicationScoped
public class PolicyStore {
  private static final String SELECT =
      "select cast(policy as text) from blueprint.org_policy where org_id = :org";
  private static final String UPSERT =
      "insert into blueprint.org_policy (org_id, policy, updated_at) values (:org,"
          + " cast(cast(:policy as text) as jsonb), :now) on conflict (org_id) do update set"
          + " policy = excluded.policy, updated_at = excluded.updated_at";

  private final Sessions sessions;
  private final InstantSource clock;

  PolicyStore(Sessions sessions, InstantSource clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  public Uni<OrgPolicy> of(String orgId) {
    return sessions
        .inSessionWith(
            session ->
                session
                    .createNativeQuery(SELECT, String.class)
                    .setParameter("org", orgId)
                    .getResultList())
        .map(rows -> policy(rows));
  }

  /** Replaces the org's policy. */
  public Uni<OrgPolicy> put(String orgId, OrgPolicy policy) {
    var now = JsonColumns.at(clock.instant());
    return sessions
        .inTransactionWith(
            session ->
                session
                    .createNativeQuery(UPSERT)
                    .setParameter("org", orgId)
                    .setParameter("policy", JsonColumns.write(policy))
                    .setParameter("now", now)
                    .executeUpdate())
        .replaceWith(policy);
  }

  private static OrgPolicy policy(List<String> rows) {
    return rows.isEmpty() ? OrgPolicy.defaults() : JsonColumns.read(rows.get(0), OrgPolicy.class);
  }
}
