package ai.iceos.blueprint.api;

import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.store.ExecutionStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Checks that the caller's org has the execution before an event stream starts: once the stream's
 * headers are out, a 404 can no longer be answered.
 */
class EventStreamGuard {
  private final Caller caller;
  private final ExecutionStore executions;

  EventStreamGuard(Caller caller, ExecutionStore executions) {
    this.caller = caller;
    this.executions = executions;
  }

  @ServerRequestFilter(priority = Priorities.USER)
  Uni<Void> requireExecution(ContainerRequestContext request, SimpleResourceInfo resource) {
    if (resource.getResourceClass() != ExecutionEventsResource.class) {
      return Uni.createFrom().voidItem();
    }
    String id = request.getUriInfo().getPathParameters().getFirst("id");
    return executions
        .find(caller.orgId(), Ids.require(id, "execution"))
        .map(found -> found.orElseThrow(() -> Ids.notFound("execution", id)))
        .replaceWithVoid();
  }
}
