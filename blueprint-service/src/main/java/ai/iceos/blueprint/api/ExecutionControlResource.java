package ai.iceos.blueprint.api;

import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.NodeStatus;
import ai.iceos.blueprint.execution.NodeView;
import ai.iceos.blueprint.messaging.RunCommandPublisher;
import ai.iceos.blueprint.store.ExecutionStore;
import ai.iceos.blueprint.store.StoredExecution;
import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.RunCommand;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One execution: its view, and the commands that steer it (cancel, retry, resume, a human
 * decision), sent to the scheduler on the run-commands topic keyed by execution id. Each checks the
 * view first, so a command that cannot apply is a 409 here rather than silently ignored.
 */
@Path("/api/v1/executions/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionControlResource {
  private final Caller caller;
  private final ExecutionStore executions;
  private final RunCommandPublisher commands;
  private final ExecutionEnds ends;
  private final InstantSource clock;

  ExecutionControlResource(
      Caller caller,
      ExecutionStore executions,
      RunCommandPublisher commands,
      ExecutionEnds ends,
      InstantSource clock) {
    this.caller = caller;
    this.executions = executions;
    this.commands = commands;
    this.ends = ends;
    this.clock = clock;
  }

  /** The view; with {@code wait_seconds} it waits (bounded) for the execution to end. */
  @GET
  public Uni<ExecutionView> get(
      @RestPath String id, @RestQuery("wait_seconds") String waitSeconds) {
    Duration wait = WaitSeconds.parse(waitSeconds);
    String org = caller.orgId();
    UUID executionId = Ids.require(id, "execution");
    return find(id)
        .chain(
            execution ->
                execution.view().status().isTerminal() || wait.isZero()
                    ? Uni.createFrom().item(execution.view())
                    : ends.await(org, executionId, wait)
                        .map(end -> end.orElseGet(() -> execution.view())));
  }

  /** 202; 409 when it has already finished. */
  @POST
  @Path("/cancel")
  public Uni<RestResponse<ExecutionAccepted>> cancel(@RestPath String id) {
    return command(
        id,
        status -> !status.isTerminal(),
        "it has already finished",
        executionId ->
            new CancelRun(UUID.randomUUID(), executionId, "cancelled through the API", now()));
  }

  /** 202; re-runs failed and skipped nodes of a failed execution; 409 otherwise. */
  @POST
  @Path("/retry")
  public Uni<RestResponse<ExecutionAccepted>> retry(@RestPath String id) {
    return command(
        id,
        status -> status == ExecutionStatus.FAILED,
        "only a failed execution can be retried",
        executionId -> new RetryRun(UUID.randomUUID(), executionId, now()));
  }

  /** 202; 409 unless paused. */
  @POST
  @Path("/resume")
  public Uni<RestResponse<ExecutionAccepted>> resume(@RestPath String id) {
    return command(
        id,
        status -> status == ExecutionStatus.PAUSED,
        "only a paused execution can be resumed",
        executionId -> new ResumeRun(UUID.randomUUID(), executionId, now()));
  }

  /** A decision for a waiting human node: 200; 404 unknown node; 409 when it is not waiting. */
  @POST
  @Path("/nodes/{nodeId}/decision")
  public Uni<DecisionAccepted> decide(@RestPath String id, @RestPath String nodeId, JsonNode body) {
    HumanDecision decision =
        HumanDecision.read(RequestBodies.requireObject(body, ProblemType.INVALID_REQUEST));
    return find(id)
        .invoke(execution -> requireWaiting(execution.view(), nodeId))
        .chain(
            execution ->
                commands.send(decision.toCommand(id, nodeId, now())).replaceWith(execution))
        .map(execution -> new DecisionAccepted(id, nodeId, decision.approved()));
  }

  private Uni<RestResponse<ExecutionAccepted>> command(
      String id,
      Predicate<ExecutionStatus> applies,
      String refusal,
      Function<String, RunCommand> command) {
    return find(id)
        .invoke(
            execution -> {
              ExecutionStatus status = execution.view().status();
              if (!applies.test(status)) {
                throw new ProblemException(
                    ProblemType.EXECUTION_STATE,
                    "Execution " + id + " is " + status.wireName() + "; " + refusal + ".");
              }
            })
        .chain(execution -> commands.send(command.apply(id)).replaceWith(execution))
        .map(
            execution ->
                RestResponse.ResponseBuilder.<ExecutionAccepted>create(RestResponse.Status.ACCEPTED)
                    .entity(ExecutionAccepted.of(id, execution.view().status()))
                    .build());
  }

  private static void requireWaiting(ExecutionView view, String nodeId) {
    NodeView node = view.nodes().get(nodeId);
    if (node == null) {
      throw new ProblemException(
          ProblemType.NOT_FOUND,
          "Execution " + view.executionId() + " has no node '" + nodeId + "'.");
    }
    if (node.status() != NodeStatus.WAITING) {
      throw new ProblemException(
          ProblemType.EXECUTION_STATE,
          "Node " + nodeId + " is " + node.status().wireName() + ", not waiting for a decision.");
    }
  }

  private Uni<StoredExecution> find(String id) {
    return executions
        .find(caller.orgId(), Ids.require(id, "execution"))
        .map(found -> found.orElseThrow(() -> Ids.notFound("execution", id)));
  }

  private java.time.Instant now() {
    return clock.instant();
  }
}
