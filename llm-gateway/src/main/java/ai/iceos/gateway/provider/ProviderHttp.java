package ai.iceos.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/**
 * The non-blocking HTTP edge of the provider adapters: POSTs a JSON body and reads a JSON answer or
 * a server-sent event stream as it arrives. Any status of 400 or more becomes a {@link
 * ProviderFailure} carrying the status and {@code Retry-After}; the error body is read but never
 * put into the failure (it may echo the prompt).
 */
public final class ProviderHttp {
  private final HttpClient client;
  private final ObjectMapper json;
  private final InstantSource clock;
  private final long idleTimeoutMs;

  public ProviderHttp(Vertx vertx, ObjectMapper json, InstantSource clock, Duration idleTimeout) {
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setMaxPoolSize(100)
                .setKeepAlive(true)
                .setTryUseCompression(true));
    this.json = json;
    this.clock = clock;
    this.idleTimeoutMs = idleTimeout.toMillis();
  }

  /** Posts {@code body} to {@code url} and parses the JSON answer. */
  public Uni<JsonNode> postJson(
      String provider, String url, Map<String, String> headers, JsonNode body) {
    return send(provider, url, headers, body, "application/json")
        .chain(HttpClientResponse::body)
        .map(buffer -> parse(provider, buffer));
  }

  /** Posts {@code body} to {@code url} and emits the server-sent events of the answer. */
  public Multi<SseEvent> postSse(
      String provider, String url, Map<String, String> headers, JsonNode body) {
    return send(provider, url, headers, body, "text/event-stream")
        .onItem()
        .transformToMulti(
            response -> {
              SseParser parser = new SseParser();
              Utf8Chunks text = new Utf8Chunks();
              return response
                  .toMulti()
                  .onItem()
                  .transformToIterable(chunk -> parser.feed(text.next(chunk)));
            });
  }

  private Uni<HttpClientResponse> send(
      String provider, String url, Map<String, String> headers, JsonNode body, String accept) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(url)
            .setIdleTimeout(idleTimeoutMs)
            .putHeader("Content-Type", "application/json")
            .putHeader("Accept", accept);
    headers.forEach(options::putHeader);
    return client
        .request(options)
        .chain(request -> request.send(Buffer.buffer(bytes(body))))
        .onFailure(failure -> !(failure instanceof ProviderFailure))
        .transform(failure -> new ProviderFailure(provider, 0, null, describe(failure)))
        .chain(response -> checked(provider, response));
  }

  private Uni<HttpClientResponse> checked(String provider, HttpClientResponse response) {
    int status = response.statusCode();
    if (status < 400) {
      return Uni.createFrom().item(response);
    }
    Duration retryAfter =
        RetryAfter.parse(response.getHeader("Retry-After"), clock.instant()).orElse(null);
    return response
        .body()
        .onItemOrFailure()
        .transformToUni(
            (ignored, failure) ->
                Uni.createFrom()
                    .failure(
                        new ProviderFailure(
                            provider, status, retryAfter, "HTTP status " + status)));
  }

  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("unserializable provider request", e);
    }
  }

  private JsonNode parse(String provider, Buffer buffer) {
    try {
      return json.readTree(buffer.getBytes());
    } catch (IOException e) {
      throw new ProviderFailure(provider, 0, null, "answer is not JSON");
    }
  }

  /** UTF-8 text of a byte stream; a character split across chunks waits for the next one. */
  private static final class Utf8Chunks {
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer leftover = ByteBuffer.allocate(0);

    synchronized String next(Buffer chunk) {
      byte[] bytes = chunk.getBytes();
      ByteBuffer in =
          ByteBuffer.allocate(leftover.remaining() + bytes.length).put(leftover).put(bytes).flip();
      CharBuffer out = CharBuffer.allocate(in.remaining());
      decoder.decode(in, out, false);
      leftover = in.slice();
      return out.flip().toString();
    }
  }

  private static String describe(Throwable failure) {
    return "no answer (" + failure.getClass().getSimpleName() + ")";
  }
}
