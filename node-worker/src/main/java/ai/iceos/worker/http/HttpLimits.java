package ai.iceos.worker.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one outbound request.
 *
 * @param timeout connect timeout and the time until the response headers arrive
 * @param maxResponseBytes largest body read; a larger one fails the call
 * @param maxRedirects redirect hops followed at most
 */
public record HttpLimits(Duration timeout, long maxResponseBytes, int maxRedirects) {
  public HttpLimits {
    Objects.requireNonNull(timeout, "timeout");
  }
}
