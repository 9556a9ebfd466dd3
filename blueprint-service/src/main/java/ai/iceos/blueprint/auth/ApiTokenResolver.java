package ai.iceos.blueprint.auth;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.blueprint.store.ApiTokenStore;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Resolves bearer tokens (by their SHA-256, the only form stored) to orgs. A known token's org is
 * kept for {@code iceos.blueprint.token-cache-ttl} (decision 0118), so a request costs no database
 * round trip for it; a deleted or re-assigned token is therefore honoured for at most that long.
 * Unknown tokens are looked up every time: a token that was just stored works at once.
 */
@ApplicationScoped
class ApiTokenResolver {
  private static final long MAX_CACHED = 10_000;

  private final ApiTokenStore tokens;
  private final Cache<String, String> known;

  ApiTokenResolver(ApiTokenStore tokens, BlueprintServiceConfig config) {
    this.tokens = tokens;
    this.known =
        Caffeine.newBuilder()
            .expireAfterWrite(config.tokenCacheTtl())
            .maximumSize(config.tokenCacheTtl().isZero() ? 0 : MAX_CACHED)
            .build();
  }

  /**
   * The org of the token whose SHA-256 is {@code tokenSha256}; {@code dev-token} means org {@code
   * dev} only while no token exists.
   */
  Uni<Optional<String>> orgOf(String token, String tokenSha256) {
    String cached = known.getIfPresent(tokenSha256);
    if (cached != null) {
      return Uni.createFrom().item(Optional.of(cached));
    }
    return tokens
        .orgOf(tokenSha256)
        .chain(org -> org.isPresent() ? Uni.createFrom().item(org) : devFallback(token))
        .invoke(org -> org.ifPresent(found -> known.put(tokenSha256, found)));
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
