package ai.iceos.blueprint.api;

import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.StartExecutionRequest;
import ai.iceos.blueprint.execution.StartExecutionRequestReader;
import ai.iceos.blueprint.execution.StartExecutionRequestReader.Read;
import ai.iceos.blueprint.execution.StartExecutionRequestReader.Unreadable;
import ai.iceos.blueprint.store.ExecutionQueries;
import ai.iceos.blueprint.store.ExecutionStore;
import ai.iceos.blueprint.store.PageCursor;
import ai.iceos.blueprint.store.StoredExecution;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Executions as a collection: start (optionally waiting for the end) and list. */
@Path("/api/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {
  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final Caller caller;
  private final ExecutionStarts starts;
  private final ExecutionStore executions;
  private final ExecutionQueries queries;
  private final ExecutionEnds ends;

  ExecutionResource(
      Caller caller,
      ExecutionStarts starts,
      ExecutionStore executions,
      ExecutionQueries queries,
      ExecutionEnds ends) {
    this.caller = caller;
    this.starts = starts;
    this.executions = executions;
    this.queries = queries;
    this.ends = ends;
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

  /** The org's executions, newest first, optionally of one blueprint and in one status. */
  @GET
  public Uni<ListPage<ExecutionSummary>> list(
      @RestQuery("blueprint_id") String blueprintId,
      @RestQuery("status") String status,
      @RestQuery("limit") String limit,
      @RestQuery("cursor") String cursor) {
    PageCursor after = ListPage.cursor(cursor);
    int size = ListPage.limit(limit);
    ExecutionStatus wanted = status(status);
    if (blueprintId != null && Ids.parse(blueprintId).isEmpty()) {
      return Uni.createFrom().item(new ListPage<>(List.of(), null));
    }
    UUID blueprint = blueprintId == null ? null : Ids.parse(blueprintId).get();
    return queries
        .list(caller.orgId(), blueprint, wanted, after, size)
        .map(page -> ListPage.of(page, ExecutionSummary::of));
  }

  private Uni<RestResponse<Object>> answerStart(
      String org, StoredExecution execution, Duration wait) {
    return ends.await(org, execution.id(), wait)
        .map(
            view ->
                view.<RestResponse<Object>>map(RestResponse::ok)
                    .orElseGet(() -> accepted(execution)));
  }

  private static RestResponse<Object> accepted(StoredExecution execution) {
    String id = execution.id().toString();
    ExecutionStatus status = execution.view().status();
    return RestResponse.ResponseBuilder.<Object>create(RestResponse.Status.ACCEPTED)
        .location(URI.create("/api/v1/executions/" + id))
        .entity(ExecutionAccepted.of(id, status))
        .build();
  }

  private static ExecutionStatus status(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return Arrays.stream(ExecutionStatus.values())
        .filter(s -> s.wireName().equals(raw.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.INVALID_REQUEST,
                    "status must be one of "
                        + Arrays.stream(ExecutionStatus.values())
                            .map(ExecutionStatus::wireName)
                            .toList()
                        + "."));
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
