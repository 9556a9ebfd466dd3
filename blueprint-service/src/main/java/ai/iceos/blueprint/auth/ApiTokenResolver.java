package ai.iceos.blueprint.auth;

import ai.iceos.blueprint.store.ApiTokenStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Resolves bearer tokens to orgs. Only token hashes are stored. */
@ApplicationScoped
class ApiTokenResolver {
  private final ApiTokenStore tokens;

  ApiTokenResolver(ApiTokenStore tokens) {
    this.tokens = tokens;
  }

  /** The org of the token; {@code dev-token} means org {@code dev} only while no token exists. */
  Uni<Optional<String>> orgOf(String token) {
    return tokens
        .orgOf(BearerToken.sha256Hex(token))
        .chain(org -> org.isPresent() ? Uni.createFrom().item(org) : devFallback(token));
  }

  private Uni<Optional<String>> devFallback(String token) {
    if (!BearerToken.DEV_TOKEN.equals(token)) {
      return Uni.createFrom().item(Optional.empty());
    }
    return tokens
        .anyToken()
        .map(any -> any ? Optional.<String>empty() : Optional.of(BearerToken.DEV_ORG));
  }
}
