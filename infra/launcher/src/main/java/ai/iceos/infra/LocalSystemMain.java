package ai.iceos.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The command behind {@code infra/local/run}: starts {@link LocalSystem} with the documented ports
 * (or their environment overrides) and persistent data under {@code .local-run/}, prints the URLs,
 * optionally runs the demo, and runs until SIGTERM or Ctrl-C, when it stops everything in order.
 */
public final class LocalSystemMain {
  static {
    // One short line per log record on the console; must be set before logging initialises.
    System.setProperty("java.util.logging.SimpleFormatter.format", "iceOS: %4$s %5$s%6$s%n");
  }

  /** Kept referenced: java.util.logging forgets levels of loggers nobody holds. */
  private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

  private static final Logger ZONKY_LOG = Logger.getLogger("io.zonky");

  private LocalSystemMain() {}

  public static void main(String[] argv) throws InterruptedException {
    KAFKA_LOG.setLevel(Level.WARNING);
    ZONKY_LOG.setLevel(Level.WARNING);
    LauncherArgs args;
    LocalPorts ports;
    try {
      args = LauncherArgs.parse(List.of(argv), Path.of("").toAbsolutePath());
      ports = LocalPorts.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (args.help()) {
      System.out.println(LauncherArgs.USAGE);
      return;
    }
    System.exit(run(args, ports));
  }

  private static int run(LauncherArgs args, LocalPorts ports) throws InterruptedException {
    RunDirectory runDir = new RunDirectory(args.dataDir());
    LocalSystem system =
        LocalSystem.builder()
            .projectRoot(args.projectRoot())
            .ports(ports)
            .dataDir(args.dataDir())
            .services(args.services())
            .build();
    try {
      runDir.claim();
    } catch (Exception e) {
      System.err.println("iceOS: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutDown(system, runDir, stopped), "iceos-stop"));
    try {
      System.out.println("iceOS: starting PostgreSQL, Kafka and " + describe(args) + " …");
      system.start();
      String table = UrlTable.render(system, args.dataDir());
      runDir.markReady(table);
      System.out.println(table);
      if (args.demo()) {
        new DemoRunner(system.baseUrl(Service.BLUEPRINT_SERVICE))
            .runAll(args.demoFiles(), System.out);
      }
    } catch (Exception e) {
      String message = String.valueOf(e.getMessage());
      System.err.println("iceOS: " + message);
      if (message.contains("\n")) {
        // the details (a log tail) can be long: end with the one line that says what failed
        System.err.println("iceOS: " + message.lines().findFirst().orElse(message));
      }
      return 1;
    }
    System.out.println("iceOS: running; press Ctrl-C (or run infra/local/stop) to stop");
    stopped.await();
    return 0;
  }

  private static String describe(LauncherArgs args) {
    return args.services().isEmpty() ? "no services" : args.services().size() + " services";
  }

  private static void shutDown(LocalSystem system, RunDirectory runDir, CountDownLatch stopped) {
    runDir.markStopping();
    System.out.println("iceOS: stopping services, then Kafka, then PostgreSQL …");
    try {
      system.stop();
      System.out.println("iceOS: stopped");
    } finally {
      runDir.release();
      stopped.countDown();
    }
  }

  /** The "what runs where" table printed when ready and kept in {@code .local-run/ready}. */
  static final class UrlTable {
    private UrlTable() {}

    static String render(LocalSystem system, Path dataDir) {
      StringBuilder table = new StringBuilder("iceOS is ready\n");
      for (Map.Entry<Service, String> entry : system.serviceUrls().entrySet()) {
        table.append(row(entry.getKey().moduleName(), entry.getValue()));
      }
      table.append(row("kafka", system.kafkaBootstrap()));
      table.append(row("postgresql", system.postgresJdbcUrl() + " (iceos/iceos)"));
      table.append(row("logs", dataDir.resolve("logs").toString()));
      return table.toString();
    }

    private static String row(String name, String value) {
      return String.format("  %-18s %s%n", name, value);
    }
  }
}
