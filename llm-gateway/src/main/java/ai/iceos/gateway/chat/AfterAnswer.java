package ai.iceos.gateway.chat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Bookkeeping that the answer need not wait for (the usage event's send, metrics): on an event loop
 * it runs as the next task, after the current one has written the answer; elsewhere at once.
 */
final class AfterAnswer {
  private AfterAnswer() {}

  static void run(Runnable work) {
    Context context = Vertx.currentContext();
    if (context == null) {
      work.run();
    } else {
      context.runOnContext(ignored -> work.run());
    }
  }
}
