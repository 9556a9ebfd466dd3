package ai.iceos.blueprint.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Resolves bearer tokens to orgs. Only token hashes are stored. */
@ApplicationScoped
class ApiTokenStore {
  private static final String FIND_ORG =
      "select org_id from blueprint.api_token where token_sha256 = $1";
  private static final String ANY_TOKEN = "select exists (select 1 from blueprint.api_token)";

  private final Pool pool;

  ApiTokenStore(Pool pool) {
    this.pool = pool;
  }

  /** The org of the token; {@code dev-token} means org {@code dev} only while no token exists. */
  Uni<Optional<String>> orgOf(String token) {
    return pool.preparedQuery(FIND_ORG)
        .execute(Tuple.of(BearerToken.sha256Hex(token)))
        .chain(rows -> orgOrDevFallback(rows, token));
  }

  private Uni<Optional<String>> orgOrDevFallback(RowSet<Row> rows, String token) {
    if (rows.iterator().hasNext()) {
      return Uni.createFrom().item(Optional.of(rows.iterator().next().getString("org_id")));
    }
    if (!BearerToken.DEV_TOKEN.equals(token)) {
      return Uni.createFrom().item(Optional.empty());
    }
    return pool.query(ANY_TOKEN)
        .execute()
        .map(r -> r.iterator().next().getBoolean(0))
        .map(any -> any ? Optional.<String>empty() : Optional.of(BearerToken.DEV_ORG));
  }
}
