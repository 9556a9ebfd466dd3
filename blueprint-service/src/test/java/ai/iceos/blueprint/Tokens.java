package ai.iceos.blueprint;

import ai.iceos.blueprint.auth.BearerToken;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Real API tokens for two orgs, stored as the service expects them (SHA-256 hex). */
public final class Tokens {
  public static final String ACME = "acme-test-token";
  public static final String GLOBEX = "globex-test-token";

  private Tokens() {}

  public static void configure(Pool pool) {
    insert(pool, ACME, "acme");
    insert(pool, GLOBEX, "globex");
  }

  /** A token of an org of its own (so a test sees only what it creates); returns the token. */
  public static String freshOrg(Pool pool) {
    String token = "test-token-" + java.util.UUID.randomUUID();
    insert(pool, token, "org-" + java.util.UUID.randomUUID());
    return token;
  }

  /** Another token of the same org as {@code token}. */
  public static String sameOrg(Pool pool, String token) {
    String org =
        pool.preparedQuery("select org_id from blueprint.api_token where token_sha256 = $1")
            .execute(Tuple.of(BearerToken.sha256Hex(token)))
            .await()
            .indefinitely()
            .iterator()
            .next()
            .getString(0);
    String other = "test-token-" + java.util.UUID.randomUUID();
    insert(pool, other, org);
    return other;
  }

  public static void removeAll(Pool pool) {
    pool.query("delete from blueprint.api_token").execute().await().indefinitely();
  }

  private static void insert(Pool pool, String token, String org) {
    pool.preparedQuery(
            "insert into blueprint.api_token (token_sha256, org_id) values ($1, $2)"
                + " on conflict do nothing")
        .execute(Tuple.of(BearerToken.sha256Hex(token), org))
        .await()
        .indefinitely();
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }
}
