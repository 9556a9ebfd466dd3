package ai.iceos.scheduler.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * A transaction whose BEGIN is sent together with the unit's first statement (the client pipelines
 * commands on a connection) instead of waiting for BEGIN's answer first, as {@code
 * Pool.withTransaction} does (decision 0119), and whose COMMIT may be sent together with its last
 * statement ({@link Tx#commitBehind}, decision 0120): a unit of two statements costs two round
 * trips. The unit succeeds only when BEGIN, every statement and COMMIT succeeded; any failure rolls
 * back, and the connection goes back to the pool outside a transaction.
 *
 * <p>A COMMIT sent behind a statement that then fails finds the transaction aborted, and PostgreSQL
 * rolls it back instead: so a statement followed by a pipelined COMMIT must <em>fail</em> (not
 * merely answer "nothing written") whenever what it found means the transaction must not commit.
 */
final class PipelinedTransaction {
  private PipelinedTransaction() {}

  static <T> Uni<T> run(Pool pool, Function<Tx, Uni<T>> work) {
    return pool.withConnection(
        connection -> {
          Tx tx = new Tx(connection);
          Uni<Void> begin = sent(connection.query("BEGIN").execute().replaceWithVoid());
          Uni<T> statements = Uni.createFrom().deferred(() -> work.apply(tx));
          return Uni.combine()
              .all()
              .unis(begin, statements)
              .with((ignored, result) -> result)
              .call(tx::commit)
              .onFailure()
              .call(tx::rollBack);
        });
  }

  /** Subscribes at once (the command goes out now, behind those sent before) and memoizes. */
  private static <T> Uni<T> sent(Uni<T> command) {
    Uni<T> memoized = command.memoize().indefinitely();
    memoized.subscribe().with(ignored -> {}, ignored -> {});
    return memoized;
  }

  /** The connection of one unit of work, inside its transaction. */
  static final class Tx {
    private final SqlConnection connection;
    private Uni<Void> commit;

    private Tx(SqlConnection connection) {
      this.connection = connection;
    }

    SqlConnection connection() {
      return connection;
    }

    /**
     * Sends {@code last} (not subscribed yet) and COMMIT right behind it, without waiting for its
     * answer; answers {@code last}'s result. It must be the unit's last statement, and it must fail
     * whenever the transaction must not commit: a failed statement makes that COMMIT a rollback.
     */
    <T> Uni<T> commitBehind(Uni<T> last) {
      if (commit != null) {
        throw new IllegalStateException("COMMIT was sent already");
      }
      Uni<T> statement = sent(last);
      commit = sent(connection.query("COMMIT").execute().replaceWithVoid());
      return statement;
    }

    private Uni<Void> commit() {
      return commit != null ? commit : connection.query("COMMIT").execute().replaceWithVoid();
    }

    /**
     * After a failure: waits for a COMMIT already sent (it rolled back, or its failure is the
     * unit's), then sends ROLLBACK (a no-op warning when nothing is open any more).
     */
    private Uni<Void> rollBack() {
      Uni<Void> settled = commit == null ? Uni.createFrom().voidItem() : commit;
      return settled
          .onFailure()
          .recoverWithNull()
          .chain(() -> connection.query("ROLLBACK").execute().replaceWithVoid())
          .onFailure()
          .recoverWithNull();
    }
  }
}
