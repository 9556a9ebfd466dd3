package ai.iceos.worker.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One outbound HTTP request and the answer it got. */
public final class HttpExchange {
  private HttpExchange() {}

  /**
   * @param body request body, empty for none
   */
  public record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      headers = Map.copyOf(headers);
      body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    /** The same request sent to another URL (a redirect keeping the method). */
    Request at(URI target) {
      return new Request(method, target, headers, body);
    }

    /** A body-less GET of another URL (a 303 redirect). */
    Request getAt(URI target) {
      return new Request("GET", target, headers, null);
    }
  }

  /**
   * @param uri the URL that answered, after redirects
   */
  public record Reply(int status, Map<String, List<String>> headers, byte[] body, URI uri) {
    public Reply {
      headers = Map.copyOf(headers);
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    /** 5xx and 429: the server may answer differently later. */
    public boolean isRetryable() {
      return status == 429 || status >= 500;
    }
  }
}
