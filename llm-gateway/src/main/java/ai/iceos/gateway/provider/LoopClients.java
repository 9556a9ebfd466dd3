package ai.iceos.gateway.provider;

import io.vertx.core.Context;
import io.vertx.mutiny.core.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One HTTP client per event loop (decision 0146). A Vert.x 4 client's pool hands a request the
 * connection used last, whatever event loop it lives on; a call served on one loop whose provider
 * connection lives on another then hops between the two threads four times (the request's head and
 * body, the answer's head and end), each hop a task queued on the other loop and a wake-up of its
 * selector. A client used only from one loop opens its connections on that loop, so a call stays on
 * the thread that received it. Calls from outside an event loop (a worker thread) share one more
 * client.
 */
final class LoopClients {
  private final Supplier<HttpClient> create;
  private final Map<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();
  private final HttpClient shared;

  LoopClients(Supplier<HttpClient> create) {
    this.create = create;
    this.shared = create.get();
  }

  /** The client of the calling event loop, or the shared one off the event loops. */
  HttpClient here() {
    Context context = io.vertx.core.Vertx.currentContext();
    if (context == null || !context.isEventLoopContext() || !Context.isOnEventLoopThread()) {
      return shared;
    }
    return byLoop.computeIfAbsent(Thread.currentThread(), loop -> create.get());
  }
}
