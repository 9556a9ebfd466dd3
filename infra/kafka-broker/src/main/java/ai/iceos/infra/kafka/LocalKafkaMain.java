package ai.iceos.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Entry point of the single-node KRaft broker JVM started by the launcher and the test resources.
 *
 * <p>Usage: {@code LocalKafkaMain <server.properties>} with {@code -Diceos.watch.pid=<pid>}. It
 * formats the storage directory when {@code meta.properties} is missing, then runs {@code
 * kafka.Kafka}. When the watched process (the JVM that started this one) disappears, the broker
 * exits too, so a {@code kill -9} of the parent leaves no stray broker.
 */
public final class LocalKafkaMain {
  /** System property naming the process whose death ends this broker. */
  public static final String WATCH_PID_PROPERTY = "iceos.watch.pid";

  private LocalKafkaMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: LocalKafkaMain <server.properties>");
      System.exit(2);
    }
    watchParent();
    Path config = Path.of(args[0]);
    formatStorageIfNeeded(config);
    kafka.Kafka.main(new String[] {config.toString()});
  }

  private static void watchParent() {
    String pid = System.getProperty(WATCH_PID_PROPERTY);
    if (pid == null || pid.isBlank()) {
      return;
    }
    ProcessHandle.of(Long.parseLong(pid.trim()))
        .ifPresentOrElse(
            parent -> parent.onExit().thenRun(LocalKafkaMain::exitBecauseParentDied),
            LocalKafkaMain::exitBecauseParentDied);
  }

  private static void exitBecauseParentDied() {
    System.out.println("iceOS: the process that started this broker is gone; shutting down");
    // System.exit runs Kafka's own shutdown hook; halt is the backstop if that hook hangs.
    Thread backstop =
        new Thread(
            () -> {
              try {
                Thread.sleep(20_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(1);
            },
            "iceos-broker-halt");
    backstop.setDaemon(true);
    backstop.start();
    System.exit(0);
  }

  private static void formatStorageIfNeeded(Path config) throws IOException {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(config)) {
      props.load(in);
    }
    String logDirs = props.getProperty("log.dirs");
    if (logDirs == null) {
      throw new IllegalArgumentException("log.dirs missing in " + config);
    }
    Path dir = Path.of(logDirs.split(",")[0].trim());
    if (Files.exists(dir.resolve("meta.properties"))) {
      return;
    }
    Files.createDirectories(dir);
    // StorageTool.main would exit the JVM, so call execute; a static voter set needs no
    // --standalone.
    int rc =
        kafka.tools.StorageTool.execute(
            new String[] {
              "format", "-t", clusterId(), "-c", config.toString(), "--ignore-formatted"
            },
            System.out);
    if (rc != 0) {
      throw new IllegalStateException("formatting " + dir + " failed with exit code " + rc);
    }
  }

  private static String clusterId() {
    return org.apache.kafka.common.Uuid.randomUuid().toString();
  }
}
