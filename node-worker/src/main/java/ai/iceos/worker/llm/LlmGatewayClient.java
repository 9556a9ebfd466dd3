package ai.iceos.worker.llm;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * llm-gateway's OpenAI-compatible endpoint (SPEC §5), base URL {@code
 * quarkus.rest-client.llm-gateway.url}. The {@code X-Iceos-*} headers attribute usage and budget to
 * the organisation, execution and node; a null header is not sent.
 */
@RegisterRestClient(configKey = "llm-gateway")
@Path("/v1/chat/completions")
public interface LlmGatewayClient {
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Uni<ChatCompletionResponse> complete(
      @HeaderParam("X-Iceos-Org-Id") String orgId,
      @HeaderParam("X-Iceos-Execution-Id") String executionId,
      @HeaderParam("X-Iceos-Node-Id") String nodeId,
      ChatCompletionRequest request);

  /** Every error status becomes a {@link GatewayException} carrying the OpenAI error message. */
  @ClientExceptionMapper
  static RuntimeException toException(Response response) {
    String body = response.hasEntity() ? response.readEntity(String.class) : null;
    return GatewayException.of(response.getStatus(), body, response.getHeaderString("Retry-After"));
  }
}
