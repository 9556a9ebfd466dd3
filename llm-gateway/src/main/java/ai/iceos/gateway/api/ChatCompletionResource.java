package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.CachedCompletions;
import ai.iceos.gateway.chat.Completion;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * OpenAI-compatible {@code POST /v1/chat/completions}: a {@code chat.completion} object, or with
 * {@code stream: true} a {@code text/event-stream} of {@code chat.completion.chunk}s. Budget
 * refusals and validation errors come before any byte of the stream.
 */
@Path("/v1/chat/completions")
class ChatCompletionResource {
  private final CachedCompletions completions;
  private final ObjectMapper json;

  ChatCompletionResource(CachedCompletions completions, ObjectMapper json) {
    this.completions = completions;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, CompletionStream.MEDIA_TYPE})
  public Uni<RestResponse<Object>> create(
      ChatCompletionRequest body,
      @RestHeader("X-Iceos-Org-Id") String orgId,
      @RestHeader("X-Iceos-Execution-Id") String executionId,
      @RestHeader("X-Iceos-Node-Id") String nodeId,
      @RestHeader("X-Iceos-Cache") String cache) {
    if (body == null) {
      throw GatewayException.invalid("A JSON request body is required.", null);
    }
    boolean stream = Boolean.TRUE.equals(body.stream());
    return completions
        .complete(body.toChatRequest(), new Attribution(orgId, executionId, nodeId), cache)
        .map(completion -> stream ? asEvents(completion) : asObject(completion));
  }

  private RestResponse<Object> asEvents(Completion completion) {
    return RestResponse.ResponseBuilder.ok((Object) CompletionStream.render(completion, json))
        .type(CompletionStream.MEDIA_TYPE)
        .header("Cache-Control", "no-cache")
        .build();
  }

  private static RestResponse<Object> asObject(Completion completion) {
    return RestResponse.ResponseBuilder.ok((Object) ChatCompletionView.of(completion))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
