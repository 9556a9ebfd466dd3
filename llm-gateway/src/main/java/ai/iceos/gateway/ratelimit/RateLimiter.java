package ai.iceos.gateway.ratelimit;

import ai.iceos.gateway.GatewayConfig;
import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.Refusal;
import ai.iceos.gateway.store.RateLimitStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admits a call under the RPM/TPM limits of its provider ({@code
 * iceos.gateway.rate-limits.providers.<name>}) and its org ({@code …orgs.<id>}, else {@code
 * …orgs."*"}), counted per UTC minute in PostgreSQL so that every replica sees the same counts. A
 * call over a limit is refused with {@link Refusal.RateLimited} until the next minute.
 */
@ApplicationScoped
public class RateLimiter {
  private static final String ANY_ORG = "*";

  private final GatewayConfig.RateLimits config;
  private final RateLimitStore store;
  private final InstantSource clock;

  RateLimiter(GatewayConfig config, RateLimitStore store, InstantSource clock) {
    this.config = config.rateLimits();
    this.store = store;
    this.clock = clock;
  }

  public Uni<Void> admit(Attribution who, String provider, long tokens) {
    List<RateLimit> limits = limitsFor(who, provider);
    return store
        .acquire(limits, tokens)
        .chain(
            refused ->
                refused.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(refusal(refused.get())));
  }

  /** Whether any RPM/TPM limit applies to a call of {@code who} to {@code provider}. */
  public boolean limits(Attribution who, String provider) {
    return !limitsFor(who, provider).isEmpty();
  }

  List<RateLimit> limitsFor(Attribution who, String provider) {
    List<RateLimit> limits = new ArrayList<>(2);
    limit("provider:" + provider, Optional.ofNullable(config.providers().get(provider)))
        .ifPresent(limits::add);
    if (who.orgId() != null) {
      Map<String, GatewayConfig.Limit> orgs = config.orgs();
      var own =
          Optional.ofNullable(orgs.get(who.orgId()))
              .or(() -> Optional.ofNullable(orgs.get(ANY_ORG)));
      limit("org:" + who.orgId(), own).ifPresent(limits::add);
    }
    return limits;
  }

  private static Optional<RateLimit> limit(String key, Optional<GatewayConfig.Limit> limit) {
    return limit
        .filter(l -> l.rpm().isPresent() || l.tpm().isPresent())
        .map(
            l ->
                new RateLimit(key, l.rpm().orElse(Long.MAX_VALUE), l.tpm().orElse(Long.MAX_VALUE)));
  }

  private Refusal refusal(RateLimit limit) {
    Instant now = clock.instant();
    Instant next = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    long seconds = Math.max(1, now.until(next, ChronoUnit.SECONDS) + 1);
    return new Refusal.RateLimited(
        "Rate limit of " + limit.key() + " reached; retry later.", seconds);
  }
}
