package ai.iceos.worker.http;

import ai.iceos.worker.tool.ToolException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The worker's outbound HTTP for tools. Every URL, and every redirect hop, passes {@link
 * AddressGuard} before a connection is made; the response body is read up to a size limit; each
 * request is bounded by a timeout. Requests run on the worker pool (DNS resolution and the JDK
 * client's blocking send), never on the event loop.
 *
 * <p>Residual risk: the JDK client resolves the host again when it connects, so a DNS server that
 * answers differently within milliseconds (DNS rebinding) is not stopped; run workers behind an
 * egress policy where that matters.
 */
public final class OutboundHttp {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> NO_BODY_HEADERS = Set.of("host", "content-length");

  private final AddressGuard guard;
  private final HttpLimits limits;
  private final HttpClient client;

  public OutboundHttp(AddressGuard guard, HttpLimits limits) {
    this.guard = guard;
    this.limits = limits;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(limits.timeout())
            .build();
  }

  /** Sends once; redirects are followed (each hop checked) when {@code followRedirects}. */
  public Uni<HttpExchange.Reply> send(HttpExchange.Request request, boolean followRedirects) {
    return Uni.createFrom()
        .item(() -> exchange(request, followRedirects))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  /**
   * Sends, retrying 5xx and 429 answers and connection failures with exponential backoff; the last
   * answer is returned whatever its status.
   */
  public Uni<HttpExchange.Reply> sendWithRetries(
      HttpExchange.Request request, int maxAttempts, Duration initialBackoff) {
    if (maxAttempts <= 1) {
      return send(request, false);
    }
    return send(request, false)
        .map(OutboundHttp::failIfRetryable)
        .onFailure(OutboundHttp::isRetryable)
        .retry()
        .withBackOff(initialBackoff, initialBackoff.multipliedBy(16))
        .atMost(maxAttempts - 1L)
        .onFailure(RetryableReply.class)
        .recoverWithItem(error -> ((RetryableReply) error).reply);
  }

  private HttpExchange.Reply exchange(HttpExchange.Request request, boolean followRedirects) {
    HttpExchange.Request current = request;
    for (int hop = 0; ; hop++) {
      guard.check(current.uri());
      HttpExchange.Reply reply = once(current);
      String location =
          reply.headers().getOrDefault("location", List.of()).stream().findFirst().orElse(null);
      if (!followRedirects || !REDIRECTS.contains(reply.status()) || location == null) {
        return reply;
      }
      if (hop >= limits.maxRedirects()) {
        throw new ToolException(
            "http-error", "More than " + limits.maxRedirects() + " redirects", false);
      }
      URI target = current.uri().resolve(location);
      current = reply.status() == 303 ? current.getAt(target) : current.at(target);
    }
  }

  private HttpExchange.Reply once(HttpExchange.Request request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(limits.timeout())
            .method(
                request.method().toUpperCase(Locale.ROOT),
                request.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!NO_BODY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
              }
            });
    try {
      HttpResponse<InputStream> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        byte[] bytes =
            body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxResponseBytes() + 1));
        if (bytes.length > limits.maxResponseBytes()) {
          throw new ToolException(
              "http-error",
              "Response of "
                  + AddressGuard.redacted(request.uri())
                  + " is larger than "
                  + limits.maxResponseBytes()
                  + " bytes",
              false);
        }
        return new HttpExchange.Reply(
            response.statusCode(), lowerCase(response.headers().map()), bytes, request.uri());
      }
    } catch (HttpTimeoutException e) {
      throw new ToolException(
          "timeout",
          "HTTP request to " + AddressGuard.redacted(request.uri()) + " timed out",
          true);
    } catch (IOException e) {
      throw new ToolException(
          "http-error",
          "HTTP request to "
              + AddressGuard.redacted(request.uri())
              + " failed: "
              + e.getClass().getSimpleName(),
          true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException("cancelled", "HTTP request interrupted", false);
    }
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
    return lower;
  }

  private static HttpExchange.Reply failIfRetryable(HttpExchange.Reply reply) {
    if (reply.isRetryable()) {
      throw new RetryableReply(reply);
    }
    return reply;
  }

  private static boolean isRetryable(Throwable error) {
    return error instanceof RetryableReply
        || (error instanceof ToolException tool && tool.retryable());
  }

  /** A 5xx or 429 answer travelling as a failure so that Mutiny's retry sees it. */
  private static final class RetryableReply extends RuntimeException {
    private final transient HttpExchange.Reply reply;

    RetryableReply(HttpExchange.Reply reply) {
      super("HTTP " + reply.status(), null, false, false);
      this.reply = reply;
    }
  }
}
