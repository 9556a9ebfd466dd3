package ai.iceos.gateway.provider.fake;

import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;

/** What the fake answers: a status with a JSON body, or a 200 stream of server-sent events. */
public sealed interface FakeReply {
  void writeTo(HttpServerResponse response);

  static FakeReply json(String body) {
    return new Json(200, Map.of(), body);
  }

  static FakeReply status(int status, Map<String, String> headers) {
    return new Json(status, headers, "{\"error\": {\"message\": \"fake failure\"}}");
  }

  /** A JSON answer. */
  record Json(int status, Map<String, String> headers, String body) implements FakeReply {
    @Override
    public void writeTo(HttpServerResponse response) {
      response.setStatusCode(status).putHeader("Content-Type", "application/json");
      headers.forEach(response::putHeader);
      response.end(body);
    }
  }

  /** One server-sent event; a null name writes a data-only event. */
  record Event(String name, String data) {}

  /** A stream of events, each written as its own chunk. */
  record Events(List<Event> events) implements FakeReply {
    @Override
    public void writeTo(HttpServerResponse response) {
      response.setChunked(true).putHeader("Content-Type", "text/event-stream");
      for (Event event : events) {
        String name = event.name() == null ? "" : "event: " + event.name() + "\n";
        response.write(name + "data: " + event.data() + "\n\n");
      }
      response.end();
    }
  }
}
