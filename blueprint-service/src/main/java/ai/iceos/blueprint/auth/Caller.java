package ai.iceos.blueprint.auth;

import jakarta.enterprise.context.RequestScoped;

/** The org of the authenticated request; set by {@link BearerAuthFilter}. */
@RequestScoped
public class Caller {
  private String orgId;

  void authenticate(String orgId) {
    this.orgId = orgId;
  }

  /** The caller's org; every resource read or written is scoped to it. */
  public String orgId() {
    if (orgId == null) {
      throw new IllegalStateException("request was not authenticated");
    }
    return orgId;
  }
}
