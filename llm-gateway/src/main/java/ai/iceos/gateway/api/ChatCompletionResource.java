package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.CachedCompletions;
import ai.iceos.gateway.chat.Completion;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * OpenAI-compatible {@code POST /v1/chat/completions} answering a {@code chat.completion} object.
 * Requests with {@code stream: true} are served before this resource by {@link ChatRoute}, and so
 * are whole answers to readable JSON requests; this resource answers the requests that route passes
 * on (decision 0144).
 */
@Path("/v1/chat/completions")
class ChatCompletionResource {
  private final CachedCompletions completions;

  ChatCompletionResource(CachedCompletions completions) {
    this.completions = completions;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<Object>> create(
      ChatCompletionRequest body,
      @RestHeader("X-Iceos-Org-Id") String orgId,
      @RestHeader("X-Iceos-Execution-Id") String executionId,
      @RestHeader("X-Iceos-Node-Id") String nodeId,
      @RestHeader("X-Iceos-Cache") String cache) {
    if (body == null) {
      throw GatewayException.invalid("A JSON request body is required.", null);
    }
    return completions
        .complete(body.toChatRequest(), new Attribution(orgId, executionId, nodeId), cache)
        .map(ChatCompletionResource::asObject);
  }

  private static RestResponse<Object> asObject(Completion completion) {
    return RestResponse.ResponseBuilder.ok((Object) ChatCompletionView.of(completion))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
