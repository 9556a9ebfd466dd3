package ai.iceos.blueprint.auth;

import ai.iceos.blueprint.api.ProblemException;
import ai.iceos.blueprint.api.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every {@code /api/**} request needs a known bearer token: missing → 401, unknown → 403. */
class BearerAuthFilter {
  private final ApiTokenResolver tokens;
  private final Caller caller;

  BearerAuthFilter(ApiTokenResolver tokens, Caller caller) {
    this.tokens = tokens;
    this.caller = caller;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  Uni<Void> authenticate(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("/api")) {
      return Uni.createFrom().voidItem();
    }
    Optional<String> token = BearerToken.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token.isEmpty()) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  ProblemType.UNAUTHORIZED, "Send Authorization: Bearer <token>."));
    }
    String sha256 = BearerToken.sha256Hex(token.get());
    return tokens.orgOf(token.get(), sha256).map(org -> admit(org, sha256));
  }

  private Void admit(Optional<String> org, String tokenSha256) {
    caller.authenticate(
        org.orElseThrow(
            () -> new ProblemException(ProblemType.FORBIDDEN, "The bearer token is not known.")),
        tokenSha256);
    return null;
  }
}
