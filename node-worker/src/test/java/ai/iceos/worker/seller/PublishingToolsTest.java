package ai.iceos.worker.seller;

import static ai.iceos.worker.tool.ToolFixtures.NO_SCOPE;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.worker.http.AddressGuard;
import ai.iceos.worker.http.HttpLimits;
import ai.iceos.worker.http.OutboundHttp;
import ai.iceos.worker.tool.ToolException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** marketplace_client and api_poster, dry-run and live against a local HTTP server. */
class PublishingToolsTest {
  private static final String KEY_ENV = "TEST_PUBLISH_KEY";

  private HttpServer server;
  private final AtomicInteger unavailableAnswersLeft = new AtomicInteger();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              unavailableAnswersLeft.getAndDecrement() > 0
                  ? new byte[0]
                  : "{\"id\": \"MKT-42\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              body.length == 0 ? 503 : 201, body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void shouldAnswerLocalIdsWithoutNetworkInDryRun() {
    Publisher dryRun = publisher(true, List.of());

    JsonNode listing =
        await(
            new MarketplaceClientTool(dryRun)
                .execute(json("{\"listing\": {\"sku\": \"tile-abc\"}}"), NO_SCOPE));
    JsonNode posted =
        await(
            new ApiPosterTool(dryRun)
                .execute(
                    json("{\"url\": \"https://api.example.com/x\", \"payload\": {\"a\": 1}}"),
                    NO_SCOPE));

    assertThat(listing.get("listing_id").asText()).isEqualTo("LOC-tile-abc");
    assertThat(listing.get("status").asText()).isEqualTo("dry_run");
    assertThat(posted.get("id").asText()).matches("LOC-[0-9a-f]{12}");
    assertThat(posted.get("uploaded").asBoolean()).isFalse();
    assertThat(authorizations).isEmpty();
  }

  @Test
  void shouldPostWithTheBearerKeyAndRetryServerErrors() {
    unavailableAnswersLeft.set(2);
    Publisher live = publisher(false, List.of("127.0.0.1"));

    JsonNode listing =
        await(
            new MarketplaceClientTool(live)
                .execute(json("{\"listing\": {\"sku\": \"tile-abc\"}}"), NO_SCOPE));

    assertThat(listing.get("listing_id").asText()).isEqualTo("MKT-42");
    assertThat(listing.get("status").asText()).isEqualTo("posted");
    assertThat(listing.get("http_status").asInt()).isEqualTo(201);
    assertThat(authorizations).hasSize(3).containsOnly("Bearer s3cret");
  }

  @Test
  void shouldReportRetryableHttpErrorWhenServerErrorsOutlastTheRetries() {
    unavailableAnswersLeft.set(10);
    Publisher live = publisher(false, List.of("127.0.0.1"));

    assertThatThrownBy(
            () ->
                await(
                    new ApiPosterTool(live)
                        .execute(
                            json("{\"url\": \"" + baseUrl() + "x\", \"payload\": {}}"), NO_SCOPE)))
        .isInstanceOfSatisfying(
            ToolException.class,
            e -> {
              assertThat(e.type()).isEqualTo("http-error");
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).doesNotContain("s3cret");
            });
    assertThat(authorizations).hasSize(3);
  }

  @Test
  void shouldRefusePlainHttpAndLoopbackHostsThatAreNotAllowListed() {
    Publisher live = publisher(false, List.of());

    assertThatThrownBy(
            () ->
                await(
                    new ApiPosterTool(live)
                        .execute(
                            json("{\"url\": \"" + baseUrl() + "x\", \"payload\": {}}"), NO_SCOPE)))
        .hasMessageStartingWith("URL refused: plain http");
    assertThatThrownBy(
            () ->
                await(
                    new ApiPosterTool(live)
                        .execute(
                            json("{\"url\": \"https://127.0.0.1:1/x\", \"payload\": {}}"),
                            NO_SCOPE)))
        .hasMessageContaining("non-public address 127.0.0.1");
    assertThat(authorizations).isEmpty();
  }

  private Publisher publisher(boolean dryRun, List<String> allowed) {
    return new Publisher(
        new PublishingSettings(
            dryRun,
            URI.create(baseUrl()),
            KEY_ENV,
            Map.of(KEY_ENV, "s3cret")::get,
            3,
            Duration.ofMillis(10)),
        new OutboundHttp(
            new AddressGuard(allowed), new HttpLimits(Duration.ofSeconds(5), 10_000, 3)));
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }
}
