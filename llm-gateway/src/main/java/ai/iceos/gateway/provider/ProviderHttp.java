package ai.iceos.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.AsyncResultUni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The non-blocking HTTP edge of the provider adapters: POSTs a JSON body and reads a JSON answer or
 * a server-sent event stream as it arrives. Any status of 400 or more becomes a {@link
 * ProviderFailure} carrying the status and {@code Retry-After}; the error body is read but never
 * put into the failure (it may echo the prompt).
 */
public final class ProviderHttp {
  private final LoopClients clients;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final ObjectMapper json;
  private final InstantSource clock;
  private final long idleTimeoutMs;

  public ProviderHttp(Vertx vertx, ObjectMapper json, InstantSource clock, Duration idleTimeout) {
    this.clients =
        new LoopClients(
            () ->
                vertx.createHttpClient(
                    new HttpClientOptions()
                        .setMaxPoolSize(100)
                        .setKeepAlive(true)
                        .setTryUseCompression(true)));
    this.json = json;
    this.clock = clock;
    this.idleTimeoutMs = idleTimeout.toMillis();
  }

  /** Posts {@code body} to {@code url} and parses the JSON answer. */
  public Uni<JsonNode> postJson(
      String provider, String url, Map<String, String> headers, JsonNode body) {
    return post(provider, url, headers, body, json::readTree);
  }

  /** Reads a whole answer's bytes; an {@link IOException} means it is not (well-formed) JSON. */
  @FunctionalInterface
  public interface AnswerReader<T> {
    T read(byte[] answer) throws IOException;
  }

  /**
   * Posts {@code body} to {@code url} and reads the JSON answer with {@code reader}, without
   * building a tree of it first.
   */
  public <T> Uni<T> post(
      String provider,
      String url,
      Map<String, String> headers,
      JsonNode body,
      AnswerReader<T> reader) {
    return AsyncResultUni.toUni(
        done -> exchange(provider, url, headers, body, reader).onComplete(done));
  }

  /**
   * The whole exchange in Vert.x futures, one {@code Uni} around it (decision 0146): each Mutiny
   * operator of the same chain captured and restored the thread contexts on every step. The answer
   * is asked for inside the callback that gets the response, on its event loop, so none of it can
   * pass before it is read.
   */
  private <T> Future<T> exchange(
      String provider,
      String url,
      Map<String, String> headers,
      JsonNode body,
      AnswerReader<T> reader) {
    RequestOptions options = options(url, headers, "application/json");
    io.vertx.core.buffer.Buffer payload;
    try {
      payload = io.vertx.core.buffer.Buffer.buffer(bytes(body));
    } catch (RuntimeException e) {
      return Future.failedFuture(lost(provider, e));
    }
    return clients
        .here()
        .getDelegate()
        .request(options)
        .compose(
            request ->
                request
                    .send(payload)
                    .recover(failure -> Future.failedFuture(lost(provider, failure)))
                    .compose(response -> answer(provider, response, reader)),
            failure -> Future.failedFuture(lost(provider, failure)));
  }

  private <T> Future<T> answer(
      String provider, io.vertx.core.http.HttpClientResponse response, AnswerReader<T> reader) {
    int status = response.statusCode();
    if (status < 400) {
      return response
          .body()
          .recover(failure -> Future.failedFuture(lost(provider, failure)))
          .map(buffer -> parse(provider, buffer.getBytes(), reader));
    }
    ProviderFailure failure = failureOf(provider, status, response.getHeader("Retry-After"));
    return response.body().transform(ignored -> Future.failedFuture(failure));
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
    return clients
        .here()
        .request(options(url, headers, accept))
        .chain(request -> request.send(Buffer.buffer(bytes(body))))
        .onFailure(failure -> !(failure instanceof ProviderFailure))
        .transform(failure -> lost(provider, failure))
        .chain(response -> checked(provider, response));
  }

  private RequestOptions options(String url, Map<String, String> headers, String accept) {
    Endpoint endpoint = endpoints.computeIfAbsent(url, Endpoint::of);
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(endpoint.host())
            .setPort(endpoint.port())
            .setSsl(endpoint.ssl())
            .setURI(endpoint.uri())
            .setIdleTimeout(idleTimeoutMs)
            .putHeader("Content-Type", "application/json")
            .putHeader("Accept", accept);
    headers.forEach(options::putHeader);
    return options;
  }

  private Uni<HttpClientResponse> checked(String provider, HttpClientResponse response) {
    int status = response.statusCode();
    if (status < 400) {
      return Uni.createFrom().item(response);
    }
    ProviderFailure failure = failureOf(provider, status, response.getHeader("Retry-After"));
    return response
        .body()
        .onItemOrFailure()
        .transformToUni((ignored, bodyFailure) -> Uni.createFrom().failure(failure));
  }

  /** A status of 400 or more; the answer's body is read but never put into the failure. */
  private ProviderFailure failureOf(String provider, int status, String retryAfterHeader) {
    Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock.instant()).orElse(null);
    return new ProviderFailure(provider, status, retryAfter, "HTTP status " + status);
  }

  /** No answer: the connection failed, was lost or timed out. */
  private static Throwable lost(String provider, Throwable failure) {
    return failure instanceof ProviderFailure
        ? failure
        : new ProviderFailure(provider, 0, null, describe(failure));
  }

  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("unserializable provider request", e);
    }
  }

  private static <T> T parse(String provider, byte[] answer, AnswerReader<T> reader) {
    try {
      return reader.read(answer);
    } catch (IOException e) {
      throw new ProviderFailure(provider, 0, null, "answer is not JSON");
    }
  }

  /** Where a URL points, parsed once per URL instead of on every call (decision 0146). */
  private record Endpoint(String host, Integer port, Boolean ssl, String uri) {
    /** What {@link RequestOptions#setAbsoluteURI(String)} sets: host, port, TLS and path. */
    static Endpoint of(String url) {
      RequestOptions parsed = new RequestOptions().setAbsoluteURI(url);
      return new Endpoint(parsed.getHost(), parsed.getPort(), parsed.isSsl(), parsed.getURI());
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
