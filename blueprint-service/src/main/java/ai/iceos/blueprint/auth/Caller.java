package ai.iceos.blueprint.auth;

import jakarta.enterprise.context.RequestScoped;

/** The org of the authenticated request; set by {@link BearerAuthFilter}. */
@RequestScoped
public class Caller {
  private String orgId;
  private String tokenSha256;

  void authenticate(String orgId, String tokenSha256) {
    this.orgId = orgId;
    this.tokenSha256 = tokenSha256;
  }

  /** True once the bearer token was accepted (only {@code /api/**} requests are). */
  public boolean isAuthenticated() {
    return orgId != null;
  }

  /** The stored form of the caller's token; requests are rate limited per token. */
  public String tokenSha256() {
    if (tokenSha256 == null) {
      throw new IllegalStateException("request was not authenticated");
    }
    return tokenSha256;
  }

  /** The caller's org; every resource read or written is scoped to it. */
  public String orgId() {
    if (orgId == null) {
      throw new IllegalStateException("request was not authenticated");
    }
    return orgId;
  }
}
