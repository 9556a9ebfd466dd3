package ai.iceos.infra;

import java.nio.file.Path;
import java.time.Duration;

/** An extra instance of a service started by {@link LocalSystem#startReplica}. */
public final class Replica {
  private final ServiceProcess process;

  Replica(ServiceProcess process) {
    this.process = process;
  }

  /** Kills it with SIGKILL, as in a crash. */
  public void kill() {
    process.kill();
  }

  /** Stops it gracefully (SIGTERM, SIGKILL after the grace period). */
  public void stop(Duration grace) {
    process.stop(grace);
  }

  public boolean isRunning() {
    return process.isRunning();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + process.port();
  }

  public Path logFile() {
    return process.logFile();
  }
}
