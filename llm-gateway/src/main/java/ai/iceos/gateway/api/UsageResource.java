package ai.iceos.gateway.api;

import ai.iceos.gateway.store.UsageStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code GET /api/v1/usage?execution_id=…|org_id=…}: token and cost totals of recorded calls. */
@Path("/api/v1/usage")
class UsageResource {
  private final UsageStore usage;

  UsageResource(UsageStore usage) {
    this.usage = usage;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<UsageTotalsView> totals(
      @RestQuery("execution_id") String executionId, @RestQuery("org_id") String orgId) {
    if (isBlank(executionId) && isBlank(orgId)) {
      throw GatewayException.invalid("Give execution_id or org_id (or both).", "execution_id");
    }
    return usage
        .totals(isBlank(orgId) ? null : orgId, isBlank(executionId) ? null : executionId)
        .map(UsageTotalsView::of);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
