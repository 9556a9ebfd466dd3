package ai.iceos.worker;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process's stable {@code worker_id}: configured, or {@code <host>-<pid>}. */
@Singleton
public final class WorkerIdentity {
  private final String id;

  WorkerIdentity(WorkerConfig config) {
    this.id = config.id().filter(s -> !s.isBlank()).orElseGet(WorkerIdentity::hostAndPid);
  }

  public String id() {
    return id;
  }

  private static String hostAndPid() {
    return hostName() + "-" + ProcessHandle.current().pid();
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node-worker";
    }
  }
}
