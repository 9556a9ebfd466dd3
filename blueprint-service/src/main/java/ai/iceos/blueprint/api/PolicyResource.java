package ai.iceos.blueprint.api;

import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.policy.PolicyReader;
import ai.iceos.blueprint.store.PolicyStore;
import ai.iceos.contracts.policy.OrgPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The caller's org policy: what its blueprints may use (checked by the compiler), its budget
 * (checked before an execution starts) and its API rate limit. A PUT replaces it; it needs no lock.
 */
@Path("/api/v1/policy")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {
  private final Caller caller;
  private final PolicyStore policies;

  PolicyResource(Caller caller, PolicyStore policies) {
    this.caller = caller;
    this.policies = policies;
  }

  @GET
  public Uni<PolicyView> get() {
    return policies.of(caller.orgId()).map(PolicyView::of);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<PolicyView> put(JsonNode body) {
    OrgPolicy policy =
        switch (PolicyReader.read(RequestBodies.requireObject(body, ProblemType.INVALID_REQUEST))) {
          case PolicyReader.Read read -> read.policy();
          case PolicyReader.Unreadable unreadable ->
              throw ProblemException.invalid(ProblemType.INVALID_REQUEST, unreadable.violations());
        };
    return policies.put(caller.orgId(), policy).map(PolicyView::of);
  }
}
