package ai.iceos.blueprint.api;

import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.StartExecutionRequest;
import ai.iceos.blueprint.execution.StartExecutionRequestReader;
import ai.iceos.blueprint.execution.StartExecutionRequestReader.Read;
import ai.iceos.blueprint.execution.StartExecutionRequestReader.Unreadable;
import ai.iceos.blueprint.store.ExecutionStore;
import ai.iceos.blueprint.store.StoredExecution;
import ai.iceos.blueprint.waiting.WaitKeys;
import ai.iceos.blueprint.waiting.Wakeups;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Executions: start (optionally waiting for the end) and read the view. */
@Path("/api/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {
  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final Caller caller;
  private final ExecutionStarts starts;
  private final ExecutionStore executions;
  private final Wakeups wakeups;

  ExecutionResource(
      Caller caller, ExecutionStarts starts, ExecutionStore executions, Wakeups wakeups) {
    this.caller = caller;
    this.starts = starts;
    this.executions = executions;
    this.wakeups = wakeups;
  }

  /**
   * 202 with where to follow it, or with {@code wait_seconds} 200 and the final view when it ends
   * in time. The same {@code Idempotency-Key} returns the same execution.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<Object>> start(
      JsonNode body,
      @RestHeader("Idempotency-Key") String idempotencyKey,
      @RestQuery("wait_seconds") String waitSeconds) {
    Duration wait = WaitSeconds.parse(waitSeconds);
    String key = idempotencyKey(idempotencyKey);
    StartExecutionRequest request =
        switch (StartExecutionRequestReader.read(
            RequestBodies.requireObject(body, ProblemType.INVALID_REQUEST))) {
          case Read read -> read.request();
          case Unreadable unreadable ->
              throw ProblemException.invalid(ProblemType.INVALID_REQUEST, unreadable.violations());
        };
    String org = caller.orgId();
    return starts.start(org, request, key).chain(execution -> answerStart(org, execution, wait));
  }

  @GET
  @Path("/{id}")
  public Uni<ExecutionView> get(
      @RestPath String id, @RestQuery("wait_seconds") String waitSeconds) {
    Duration wait = WaitSeconds.parse(waitSeconds);
    String org = caller.orgId();
    UUID executionId = Ids.require(id, "execution");
    return executions
        .find(org, executionId)
        .map(found -> found.orElseThrow(() -> Ids.notFound("execution", id)))
        .chain(
            execution ->
                execution.view().status().isTerminal() || wait.isZero()
                    ? Uni.createFrom().item(execution.view())
                    : awaitEnd(org, executionId, wait)
                        .map(end -> end.orElseGet(() -> execution.view())));
  }

  private Uni<RestResponse<Object>> answerStart(
      String org, StoredExecution execution, Duration wait) {
    Uni<Optional<ExecutionView>> end =
        wait.isZero()
            ? Uni.createFrom().item(Optional.empty())
            : awaitEnd(org, execution.id(), wait);
    return end.map(
        view ->
            view.<RestResponse<Object>>map(RestResponse::ok).orElseGet(() -> accepted(execution)));
  }

  private Uni<Optional<ExecutionView>> awaitEnd(String org, UUID id, Duration wait) {
    return wakeups.await(
        WaitKeys.execution(id.toString()),
        () ->
            executions
                .find(org, id)
                .map(
                    found -> found.map(StoredExecution::view).filter(v -> v.status().isTerminal())),
        wait);
  }

  private static RestResponse<Object> accepted(StoredExecution execution) {
    String id = execution.id().toString();
    ExecutionStatus status = execution.view().status();
    return RestResponse.ResponseBuilder.<Object>create(RestResponse.Status.ACCEPTED)
        .location(URI.create("/api/v1/executions/" + id))
        .entity(ExecutionAccepted.of(id, status))
        .build();
  }

  private static String idempotencyKey(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (raw.length() > MAX_IDEMPOTENCY_KEY) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "Idempotency-Key must be at most " + MAX_IDEMPOTENCY_KEY + " characters.");
    }
    return raw;
  }
}
