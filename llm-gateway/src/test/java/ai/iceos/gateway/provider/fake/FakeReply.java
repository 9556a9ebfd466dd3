package ai.iceos.gateway.provider.fake;

import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
      events.forEach(event -> response.write(line(event)));
      response.end();
    }

    static String line(Event event) {
      String name = event.name() == null ? "" : "event: " + event.name() + "\n";
      return name + "data: " + event.data() + "\n\n";
    }
  }

  /**
   * A stream cut by the provider: its first {@code before} events are written, then the connection
   * is closed without ending the response (no usage chunk, no {@code [DONE]}).
   */
  record Cut(Events events, int before) implements FakeReply {
    @Override
    public void writeTo(HttpServerResponse response) {
      response.setChunked(true).putHeader("Content-Type", "text/event-stream");
      events.events().subList(0, before).forEach(event -> response.write(Events.line(event)));
      response.close();
    }
  }

  /**
   * A stream whose first {@code before} events are written at once, the others only once {@code
   * gate} is opened (waiting on a thread of its own, at most 30 s).
   */
  record Gated(Events events, int before, CountDownLatch gate) implements FakeReply {
    @Override
    public void writeTo(HttpServerResponse response) {
      List<Event> all = events.events();
      response.setChunked(true).putHeader("Content-Type", "text/event-stream");
      all.subList(0, before).forEach(event -> response.write(Events.line(event)));
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                all.subList(before, all.size())
                    .forEach(event -> response.write(Events.line(event)));
                response.end();
              });
    }
  }
}
