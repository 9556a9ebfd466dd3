package ai.iceos.blueprint.store;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The API tokens (table {@code api_token}), looked up by hash; the token itself is never kept. */
@ApplicationScoped
public class ApiTokenStore {
  private final Sessions sessions;

  ApiTokenStore(Sessions sessions) {
    this.sessions = sessions;
  }

  /** The org of the token with this lower-case hex SHA-256. */
  public Uni<Optional<String>> orgOf(String tokenSha256) {
    return sessions
        .inSession(() -> ApiTokenEntity.<ApiTokenEntity>findById(tokenSha256))
        .map(token -> Optional.ofNullable(token).map(t -> t.orgId));
  }

  /** True once any token is stored. */
  public Uni<Boolean> anyToken() {
    return sessions.inSession(() -> ApiTokenEntity.count()).map(count -> count > 0);
  }
}
