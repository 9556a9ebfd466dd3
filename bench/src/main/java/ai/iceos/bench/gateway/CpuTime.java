package ai.iceos.bench.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time (user + system) spent by the processes of the benchmark, read from {@code /proc}: the
 * gateway JVM, its PostgreSQL (postmaster and backends), the Kafka broker, Portkey. CPU per request
 * stays meaningful on a shared, loaded machine where wall-clock latency does not.
 */
final class CpuTime {
  private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

  private final Map<String, Predicate<String>> groups;

  private CpuTime(Map<String, Predicate<String>> groups) {
    this.groups = groups;
  }

  /**
   * Groups by command line: the gateway built in {@code projectRoot}, PostgreSQL on {@code pgPort},
   * the Kafka broker whose data is under {@code dataDir}, Portkey.
   */
  static CpuTime of(Path projectRoot, int pgPort, Path dataDir) {
    String gatewayApp = projectRoot.resolve("llm-gateway/target/quarkus-app").toString();
    String kafkaData = dataDir.toString();
    Map<String, Predicate<String>> groups = new TreeMap<>();
    groups.put("gateway", cmd -> cmd.contains(gatewayApp));
    groups.put(
        "postgres", cmd -> cmd.contains("bin/postgres") && cmd.contains("-p " + pgPort + " "));
    groups.put("kafka", cmd -> cmd.contains(kafkaData) && cmd.contains("java"));
    groups.put("portkey", cmd -> cmd.contains("@portkey-ai/gateway"));
    return new CpuTime(groups);
  }

  /** Milliseconds of CPU used so far per group (children of a matching process included). */
  Map<String, Double> snapshot() {
    Map<String, Double> ms = new TreeMap<>();
    List<ProcessHandle> mine =
        Stream.concat(
                ProcessHandle.current().descendants(),
                ProcessHandle.allProcesses().filter(CpuTime::isOrphanPostgres))
            .toList();
    groups.forEach(
        (group, matches) ->
            ms.put(
                group,
                mine.stream()
                    .filter(p -> matches.test(commandLine(p)))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.children()))
                    .distinct()
                    .mapToDouble(p -> ticks(p.pid()) * MS_PER_TICK)
                    .sum()));
    return ms;
  }

  /**
   * The embedded PostgreSQL daemonizes: its postmaster is a child of init, not of this JVM (the
   * port tells ours from other sessions'). Everything else is counted only among this JVM's
   * descendants.
   */
  private static boolean isOrphanPostgres(ProcessHandle p) {
    return p.parent().map(parent -> parent.pid() == 1).orElse(false)
        && commandLine(p).contains("bin/postgres");
  }

  /**
   * The whole command line from {@code /proc} ({@link ProcessHandle.Info#commandLine()} cuts long
   * ones, such as Kafka's classpath, before the arguments that tell two brokers apart).
   */
  private static String commandLine(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
    } catch (Exception gone) {
      return p.info().commandLine().orElse("");
    }
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (Exception gone) {
      return 0;
    }
  }

  /** CPU milliseconds per group between two snapshots. */
  static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> used = new TreeMap<>();
    after.forEach((group, ms) -> used.put(group, ms - before.getOrDefault(group, 0.0)));
    return used;
  }
}
