package ai.iceos.gateway.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local HTTP server on an ephemeral loopback port standing in for an LLM provider: every request
 * is recorded, and {@code vendor} answers it in that provider's wire format (JSON, or server-sent
 * events written one by one).
 */
public final class FakeProviderServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Recorded, FakeReply> vendor;

  /** A request as received. */
  public record Recorded(String path, Map<String, String> headers, JsonNode body) {}

  public FakeProviderServer(Function<Recorded, FakeReply> vendor) {
    this.vendor = vendor;
    try {
      this.server =
          vertx
              .createHttpServer()
              .requestHandler(this::handle)
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("fake provider did not start", e);
    }
  }

  public String baseUrl(String prefix) {
    return "http://127.0.0.1:" + server.actualPort() + prefix;
  }

  public int port() {
    return server.actualPort();
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public Recorded lastRequest() {
    return requests.getLast();
  }

  public void answerWith(Function<Recorded, FakeReply> next) {
    this.vendor = next;
  }

  private void handle(HttpServerRequest request) {
    request.body(
        body -> {
          try {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            String uri = request.uri();
            JsonNode json =
                body.result().length() == 0
                    ? JSON.nullNode()
                    : JSON.readTree(body.result().getBytes());
            Recorded recorded = new Recorded(uri, Map.copyOf(headers), json);
            requests.add(recorded);
            vendor.apply(recorded).writeTo(request.response());
          } catch (IOException e) {
            request.response().setStatusCode(400).end();
          }
        });
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
