package ai.iceos.bench;

import ai.iceos.infra.LocalSystem;
import ai.iceos.infra.Service;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Chaos run (scheduler issue): starts its own local system, starts many executions of a 10-node
 * echo chain and, while they run, kills the scheduler and a node-worker with SIGKILL several times,
 * restarting each. Then checks, from the run-event topic itself, that every execution completed,
 * every node was recorded exactly once, and every execution's events form one gap-free sequence (a
 * redelivered copy of the same event is counted, not treated as an error). Prints a Markdown
 * section and exits non-zero on any violation.
 *
 * <p>{@code --executions 200}, {@code --kills 3} (of each service), {@code --nodes 10}.
 */
public final class ChaosBench {
  private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

  private ChaosBench() {}

  public static void main(String[] args) throws Exception {
    int executions = Integer.parseInt(Options.of(args, "--executions", "200"));
    int kills = Integer.parseInt(Options.of(args, "--kills", "3"));
    int nodes = Integer.parseInt(Options.of(args, "--nodes", "10"));
    Path root = Path.of("").toAbsolutePath();
    Path data = Files.createTempDirectory("iceos-chaos-");
    try (LocalSystem system =
        LocalSystem.builder().projectRoot(root).ephemeralPorts().dataDir(data).build().start()) {
      IceosClient client = new IceosClient(system.baseUrl(Service.BLUEPRINT_SERVICE), "dev-token");
      String blueprintId = client.createBlueprint(ChainBlueprint.of(nodes));
      Instant began = Instant.now();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < executions; i++) {
        started.add(pool.submit(() -> start(client, blueprintId)));
      }
      List<String> killLog = new Killer(system, kills).run();
      List<String> ids = new ArrayList<>();
      for (Future<String> future : started) {
        ids.add(future.get());
      }
      pool.shutdown();
      Map<String, String> statuses = awaitTerminal(client, ids, Duration.ofMinutes(15));
      Duration took = Duration.between(began, Instant.now());
      EventAudit audit =
          EventAudit.read(system.kafkaBootstrap(), Set.copyOf(ids), Duration.ofMinutes(2));
      List<String> violations = audit.violations(nodes);
      statuses.forEach(
          (id, status) -> {
            if (!"completed".equals(status)) {
              violations.add("execution " + id + " ended " + status);
            }
          });
      report(executions, nodes, killLog, statuses, audit, violations, took);
      System.exit(violations.isEmpty() ? 0 : 1);
    }
  }

  private static String start(IceosClient client, String blueprintId) throws Exception {
    ObjectNode body = IceosClient.JSON.createObjectNode().put("blueprint_id", blueprintId);
    body.putObject("inputs").put("seed", "chaos");
    return client.send(client.post("/api/v1/executions", body), 202).path("execution_id").asText();
  }

  private static Map<String, String> awaitTerminal(
      IceosClient client, List<String> ids, Duration timeout) throws Exception {
    Map<String, String> statuses = new TreeMap<>();
    Instant deadline = Instant.now().plus(timeout);
    List<String> open = new ArrayList<>(ids);
    while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
      List<String> still = new ArrayList<>();
      for (String id : open) {
        String status = client.get("/api/v1/executions/" + id).path("status").asText();
        statuses.put(id, status);
        if (!TERMINAL.contains(status)) {
          still.add(id);
        }
      }
      open = still;
      if (!open.isEmpty()) {
        Thread.sleep(1000);
      }
    }
    return statuses;
  }

  private static void report(
      int executions,
      int nodes,
      List<String> killLog,
      Map<String, String> statuses,
      EventAudit audit,
      List<String> violations,
      Duration took) {
    Map<String, Long> byStatus = new TreeMap<>();
    statuses.values().forEach(s -> byStatus.merge(s, 1L, Long::sum));
    System.out.printf(
        "### Chaos: %d executions of a %d-node chain, SIGKILLs during the run (%s)%n%n",
        executions, nodes, Instant.now());
    System.out.println("Kills: " + String.join("; ", killLog));
    System.out.println();
    System.out.println("| measurement | value |");
    System.out.println("|---|---|");
    System.out.println("| executions by final status | " + byStatus + " |");
    System.out.println("| wall time, first start → last terminal | " + took.toSeconds() + " s |");
    System.out.println("| run events read | " + audit.eventCount() + " |");
    System.out.println(
        "| redelivered copies of an event (same sequence, same event) | "
            + audit.redeliveredCopies()
            + " |");
    System.out.println("| violations | " + violations.size() + " |");
    violations.stream().limit(20).forEach(v -> System.out.println("- " + v));
  }

  /** Kills the scheduler and a worker in turn while the executions run, restarting each. */
  private record Killer(LocalSystem system, int kills) {
    List<String> run() throws InterruptedException {
      List<String> log = new ArrayList<>();
      for (int i = 0; i < kills; i++) {
        for (Service victim : List.of(Service.SCHEDULER_SERVICE, Service.NODE_WORKER)) {
          Thread.sleep(4000);
          system.killService(victim);
          log.add("SIGKILL " + victim + " at " + Instant.now());
          Thread.sleep(1000);
          system.startService(victim);
        }
      }
      return log;
    }
  }
}
