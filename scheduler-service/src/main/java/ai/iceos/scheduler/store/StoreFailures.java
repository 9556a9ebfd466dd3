package ai.iceos.scheduler.store;

import java.util.Set;

/**
 * Tells a transient store failure (the database, the connection or a concurrent change failed the
 * transaction; trying again later can succeed) from a failure of the message itself (the pure core
 * or the JSON mapping threw; trying again gives the same result).
 */
final class StoreFailures {
  private static final Set<String> TRANSIENT_PACKAGES =
      Set.of(
          "io.vertx.pgclient.",
          "io.vertx.sqlclient.",
          "io.vertx.core.",
          "io.netty.",
          "org.hibernate.",
          "jakarta.persistence.",
          "java.net.",
          "java.io.",
          "java.util.concurrent.TimeoutException");

  private StoreFailures() {}

  /** True when any failure in the cause chain comes from the database, the network or a timeout. */
  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof VersionConflict) {
        return true;
      }
      String name = t.getClass().getName();
      if (TRANSIENT_PACKAGES.stream().anyMatch(name::startsWith)) {
        return true;
      }
    }
    return false;
  }
}
