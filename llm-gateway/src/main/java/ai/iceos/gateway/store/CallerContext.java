package ai.iceos.gateway.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A result computed for the caller on another thread (a batch another call started), handed back on
 * the caller's own Vert.x context, as a statement of its own would be.
 */
final class CallerContext {
  private CallerContext() {}

  /**
   * Submits on subscription and emits the result on the subscriber's context. Cancelling cancels
   * the future; a result that arrives for a subscriber that has gone goes to {@code abandoned}
   * (cancellation and the result both run on the caller's context, so they do not race).
   */
  static <R> Uni<R> await(Supplier<CompletableFuture<R>> submit, Consumer<R> abandoned) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              Context context = Vertx.currentContext();
              CompletableFuture<R> result = submit.get();
              var gone = new AtomicBoolean();
              emitter.onTermination(
                  () -> {
                    gone.set(true);
                    result.cancel(false);
                  });
              result.whenComplete(
                  (item, failure) ->
                      resume(
                          context,
                          () -> {
                            if (failure != null) {
                              emitter.fail(failure);
                            } else if (gone.get()) {
                              abandoned.accept(item);
                            } else {
                              emitter.complete(item);
                            }
                          }));
            });
  }

  private static void resume(Context context, Runnable step) {
    if (context == null || context == Vertx.currentContext()) {
      step.run();
    } else {
      context.runOnContext(ignored -> step.run());
    }
  }
}
