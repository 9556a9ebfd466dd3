package ai.iceos.bench;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The scheduler's own cost, measured through the public API on a running system, next to Kafka's
 * produce → consume hop of the same run: per-node overhead on a 40-node chain of no-op nodes, a
 * 5-node diamond, a 100-item parallel loop, 1,000 one-node executions started at once, and node
 * executions per second sustained at a fixed offered rate. Node times come from the run events' own
 * timestamps, read from the topic.
 *
 * <p>Before measuring, {@code --warmup-seconds} of the same work (wide executions offered at half
 * the rate, then chains one after the other, and more chains until their time has settled) bring
 * the services' JIT to steady state: on a cold system a chain node costs three to four times what
 * it costs warm, and on two cores shared by five JVMs the compilers need minutes to get there. A
 * long-running engine is measured warm (as Zeebe's and Temporal's figures are). {@code
 * --warmup-seconds 0} measures cold.
 *
 * <p>{@code --api http://127.0.0.1:8080}, {@code --kafka 127.0.0.1:29092}, {@code --token
 * dev-token}, {@code --runs 20}, {@code --burst 1000}, {@code --rate 1000} (nodes/s offered),
 * {@code --seconds 30}, {@code --warmup-seconds 240}.
 */
public final class SchedulerBench {
  private final IceosClient client;
  private final RunEventWatcher watcher;

  private SchedulerBench(IceosClient client, RunEventWatcher watcher) {
    this.client = client;
    this.watcher = watcher;
  }

  public static void main(String[] args) throws Exception {
    String api = Options.of(args, "--api", "http://127.0.0.1:8080");
    String kafka = Options.of(args, "--kafka", "127.0.0.1:29092");
    String token = Options.of(args, "--token", "dev-token");
    int runs = Integer.parseInt(Options.of(args, "--runs", "20"));
    int burst = Integer.parseInt(Options.of(args, "--burst", "1000"));
    int rate = Integer.parseInt(Options.of(args, "--rate", "1000"));
    int seconds = Integer.parseInt(Options.of(args, "--seconds", "30"));
    int warmupSeconds = Integer.parseInt(Options.of(args, "--warmup-seconds", "240"));

    IceosClient client = new IceosClient(api, token);
    liftRateLimit(client);
    List<String> lines = new ArrayList<>();
    try (RunEventWatcher watcher = new RunEventWatcher(kafka)) {
      SchedulerBench bench = new SchedulerBench(client, watcher);
      String warmupLine = bench.warmUp(warmupSeconds, rate / 2);
      LatencySample hop = new KafkaHopBench(kafka).run(200, 2000);
      lines.add(hop.markdownRow());
      lines.addAll(bench.chain(40, runs));
      lines.add(
          bench.sequential(
              "5-node diamond, client end to end", SchedulerBlueprints.diamond(), runs, null));
      lines.add(
          bench.sequential(
              "100-item parallel loop, client end to end",
              SchedulerBlueprints.parallelLoop(),
              Math.max(3, runs / 4),
              items(100)));
      String burstLine = bench.burst(burst);
      String sustainedLine = bench.sustained(rate, seconds);
      LatencySample hopAfter = new KafkaHopBench(kafka).run(200, 2000);
      lines.add(hopAfter.markdownRow().replace("(one hop)", "(one hop, measured again after)"));
      System.out.println("### Scheduler benchmark (" + Instant.now() + ")");
      System.out.println();
      System.out.println(warmupLine);
      System.out.println();
      System.out.println(LatencySample.markdownHeader());
      lines.forEach(System.out::println);
      System.out.println();
      System.out.println(burstLine);
      System.out.println();
      System.out.println(sustainedLine);
    }
  }

  private static void liftRateLimit(IceosClient client) throws Exception {
    ObjectNode policy = IceosClient.JSON.createObjectNode().put("rate_limit_per_minute", 1_000_000);
    client.send(
        client
            .post("/api/v1/policy", policy)
            .method("PUT", java.net.http.HttpRequest.BodyPublishers.ofString(policy.toString())),
        200);
  }

  private static JsonNode items(int n) {
    ArrayNode items = IceosClient.JSON.createArrayNode();
    for (int i = 0; i < n; i++) {
      items.add(i);
    }
    return items;
  }

  /**
   * Drives the measured paths for {@code seconds}: executions of 10 independent nodes offered at
   * {@code rate} nodes/s for the first half, then 40-node chains one after the other (a chain
   * behind that load would wait its turn and warm little, and the chains let the system settle
   * before the latencies are measured).
   */
  private String warmUp(int seconds, int rate) throws Exception {
    if (seconds <= 0) {
      return "Warm-up: none (cold JIT).";
    }
    String chainId = client.createBlueprint(SchedulerBlueprints.chain(40));
    String wideId = client.createBlueprint(SchedulerBlueprints.wide(10));
    List<String> ids = offer(wideId, 10, rate, seconds / 2).ids();
    watcher.awaitTerminal(ids, Duration.ofSeconds(300));
    long begin = System.nanoTime();
    long end = begin + (seconds - seconds / 2) * 1_000_000_000L;
    long cap = end + SETTLE_MAX.toNanos();
    List<Long> took = new ArrayList<>();
    while (System.nanoTime() < end || (System.nanoTime() < cap && !settled(took))) {
      long started = System.nanoTime();
      watcher.awaitTerminal(List.of(execute(chainId, null, false)), Duration.ofSeconds(120));
      took.add(System.nanoTime() - started);
    }
    return String.format(
        "Warm-up, not measured: %d executions of 10 independent nodes offered at %d nodes/s for"
            + " %d s, then 40-node chains one after the other for %d s (%d chains; at least %d s,"
            + " then until the median of the last %d chains is within %d %% of the %d before,"
            + " at most %d s more; the last %d took %.1f ms per chain, median).",
        ids.size(),
        rate,
        seconds / 2,
        Duration.ofNanos(System.nanoTime() - begin).toSeconds(),
        took.size(),
        seconds - seconds / 2,
        SETTLE_WINDOW,
        SETTLE_PERCENT,
        SETTLE_WINDOW,
        SETTLE_MAX.toSeconds(),
        Math.min(SETTLE_WINDOW, took.size()),
        median(took.subList(Math.max(0, took.size() - SETTLE_WINDOW), took.size())) / 1e6);
  }

  /** Chains per window compared by {@link #settled}. */
  private static final int SETTLE_WINDOW = 10;

  /** How close two successive windows' medians must be for the chain time to count as settled. */
  private static final int SETTLE_PERCENT = 5;

  /** The longest the warm-up goes on past {@code --warmup-seconds} waiting for chains to settle. */
  private static final Duration SETTLE_MAX = Duration.ofSeconds(180);

  /**
   * True when the last window of chains took, median, within {@link #SETTLE_PERCENT} of the window
   * before: the JIT has stopped making the path faster.
   */
  static boolean settled(List<Long> took) {
    if (took.size() < 2 * SETTLE_WINDOW) {
      return false;
    }
    double last = median(took.subList(took.size() - SETTLE_WINDOW, took.size()));
    double before =
        median(took.subList(took.size() - 2 * SETTLE_WINDOW, took.size() - SETTLE_WINDOW));
    return last <= before * (1 + SETTLE_PERCENT / 100.0)
        && last >= before * (1 - SETTLE_PERCENT / 100.0);
  }

  private static double median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  /** Starts of one blueprint at a fixed rate, and when the offering began and ended. */
  private record Offered(List<String> ids, Instant began, Instant ended) {}

  private Offered offer(String blueprintId, int width, int rate, int seconds) {
    int executions = rate / width * seconds;
    long intervalNanos = 1_000_000_000L * width / rate;
    List<CompletableFuture<String>> starts = new ArrayList<>();
    Semaphore inFlight = new Semaphore(256);
    Instant began = Instant.now();
    long begin = System.nanoTime();
    try {
      for (int i = 0; i < executions; i++) {
        long wait = begin + i * intervalNanos - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        inFlight.acquire();
        starts.add(
            startAsync(blueprintId, width).whenComplete((id, failure) -> inFlight.release()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while offering executions", e);
    }
    Instant ended = Instant.now();
    return new Offered(starts.stream().map(CompletableFuture::join).toList(), began, ended);
  }

  /**
   * Per node of an n-node chain: (last node.completed − workflow.started) / n per execution, and
   * each node's own step (previous node.completed → its node.completed) over all executions.
   */
  private List<String> chain(int n, int runs) throws Exception {
    String blueprintId = client.createBlueprint(SchedulerBlueprints.chain(n));
    List<Long> perNode = new ArrayList<>();
    List<Long> steps = new ArrayList<>();
    for (int i = 0; i < 3 + runs; i++) {
      String id = execute(blueprintId, null, true);
      watcher.awaitTerminal(List.of(id), Duration.ofSeconds(30));
      if (i < 3) {
        continue;
      }
      Instant previous = null;
      Instant first = null;
      for (RunEvent event : sorted(watcher.of(id))) {
        if (event.eventType() == RunEventType.WORKFLOW_STARTED) {
          first = event.timestamp();
          previous = first;
        } else if (event.eventType() == RunEventType.NODE_COMPLETED && previous != null) {
          steps.add(Duration.between(previous, event.timestamp()).toNanos());
          previous = event.timestamp();
        }
      }
      if (first != null && previous != null) {
        perNode.add(Duration.between(first, previous).toNanos() / n);
      }
    }
    return List.of(
        sample(n + "-node no-op chain, per node (engine time / " + n + " per execution)", perNode)
            .markdownRow(),
        sample(
                n
                    + "-node no-op chain, each node's step (previous node.completed → node.completed)",
                steps)
            .markdownRow());
  }

  /** Client end to end with {@code wait_seconds}, one execution after the other. */
  private String sequential(String name, JsonNode blueprint, int runs, JsonNode items)
      throws Exception {
    String blueprintId = client.createBlueprint(blueprint);
    List<Long> took = new ArrayList<>();
    for (int i = 0; i < 2 + runs; i++) {
      long started = System.nanoTime();
      JsonNode view = executeAndWait(blueprintId, items);
      long elapsed = System.nanoTime() - started;
      if (!"completed".equals(view.path("status").asText())) {
        throw new IllegalStateException(name + ": execution did not complete: " + view);
      }
      if (i >= 2) {
        took.add(elapsed);
      }
    }
    return sample(name, took).markdownRow();
  }

  /**
   * n one-node executions posted at once (64 requests in flight); rate = n / time to the last end.
   */
  private String burst(int n) throws Exception {
    String blueprintId = client.createBlueprint(SchedulerBlueprints.chain(1));
    long started = System.nanoTime();
    List<String> ids = startAll(blueprintId, n, 64);
    long posted = System.nanoTime();
    boolean done = watcher.awaitTerminal(ids, Duration.ofSeconds(300));
    long last =
        ids.stream()
            .map(watcher::terminalAt)
            .filter(t -> t != null)
            .mapToLong(t -> t)
            .max()
            .orElse(posted);
    long completed = ids.stream().filter(id -> isCompleted(watcher.of(id))).count();
    double seconds = (last - started) / 1e9;
    return String.format(
        "Burst: %d one-node executions posted at once (64 requests in flight): all posted after %.2f s,"
            + " %d completed%s, last one ended after %.2f s → **%.0f executions/s**.",
        n,
        (posted - started) / 1e9,
        completed,
        done ? "" : " (timed out)",
        seconds,
        completed / seconds);
  }

  /**
   * Offers {@code rate} node executions per second for {@code seconds}: executions of 10
   * independent no-op nodes started at rate/10 per second. Reports nodes completed per second in
   * steady state (completions during the offering, its first fifth left out), the same over the
   * whole run including the drain of any backlog, and each node's latency (node.queued →
   * node.completed, scheduler timestamps).
   */
  private String sustained(int rate, int seconds) throws Exception {
    int width = 10;
    String blueprintId = client.createBlueprint(SchedulerBlueprints.wide(width));
    int executions = rate / width * seconds;
    Offered offered = offer(blueprintId, width, rate, seconds);
    List<String> ids = offered.ids();
    watcher.awaitTerminal(ids, Duration.ofSeconds(300));
    // steady state: the offering window without its first fifth (ramp-up), so neither the ramp
    // nor the drain of the backlog after the last start is counted
    Instant steadyFrom =
        offered.began().plus(Duration.between(offered.began(), offered.ended()).dividedBy(5));
    List<Long> latencies = new ArrayList<>();
    Instant firstQueued = null;
    Instant lastCompleted = null;
    long nodes = 0;
    long steadyNodes = 0;
    for (String id : ids) {
      Map<String, Instant> queued = new HashMap<>();
      for (RunEvent event : sorted(watcher.of(id))) {
        if (event.eventType() == RunEventType.NODE_QUEUED) {
          queued.putIfAbsent(event.nodeId(), event.timestamp());
          firstQueued = min(firstQueued, event.timestamp());
        } else if (event.eventType() == RunEventType.NODE_COMPLETED
            && queued.containsKey(event.nodeId())) {
          nodes++;
          latencies.add(Duration.between(queued.get(event.nodeId()), event.timestamp()).toNanos());
          lastCompleted = max(lastCompleted, event.timestamp());
          if (!event.timestamp().isBefore(steadyFrom)
              && !event.timestamp().isAfter(offered.ended())) {
            steadyNodes++;
          }
        }
      }
    }
    LatencySample sample = sample("node.queued → node.completed", latencies);
    double window =
        firstQueued == null
            ? Double.NaN
            : Duration.between(firstQueued, lastCompleted).toNanos() / 1e9;
    double steadyWindow = Duration.between(steadyFrom, offered.ended()).toNanos() / 1e9;
    return String.format(
        "Sustained: offered %d node executions/s (%d executions of %d independent no-op nodes in %.1f s);"
            + " **%.0f node executions/s completed in steady state** (node.completed between %.1f s and"
            + " %.1f s after the first start); all %d of %d nodes completed in %.1f s (first"
            + " node.queued → last node.completed, backlog drain included) → %.0f node executions/s;"
            + " node latency (queued → completed) p50 %.1f ms, p99 %.1f ms, max %.1f ms.",
        rate,
        executions,
        width,
        Duration.between(offered.began(), offered.ended()).toNanos() / 1e9,
        steadyNodes / steadyWindow,
        Duration.between(offered.began(), steadyFrom).toNanos() / 1e9,
        Duration.between(offered.began(), offered.ended()).toNanos() / 1e9,
        nodes,
        (long) executions * width,
        window,
        nodes / window,
        sample.percentileMs(50),
        sample.percentileMs(99),
        sample.percentileMs(100));
  }

  private List<String> startAll(String blueprintId, int n, int concurrency) throws Exception {
    Semaphore inFlight = new Semaphore(concurrency);
    List<CompletableFuture<String>> starts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      starts.add(startAsync(blueprintId, 1).whenComplete((id, failure) -> inFlight.release()));
    }
    return starts.stream().map(CompletableFuture::join).toList();
  }

  private CompletableFuture<String> startAsync(String blueprintId, int maxParallel) {
    try {
      return client
          .sendAsync(client.post("/api/v1/executions", body(blueprintId, null, maxParallel)), 202)
          .thenApply(answer -> answer.path("execution_id").asText());
    } catch (java.io.IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private String execute(String blueprintId, JsonNode items, boolean wait) throws Exception {
    if (wait) {
      return executeAndWait(blueprintId, items).path("execution_id").asText();
    }
    return client
        .send(client.post("/api/v1/executions", body(blueprintId, items, 100)), 202)
        .path("execution_id")
        .asText();
  }

  private JsonNode executeAndWait(String blueprintId, JsonNode items) throws Exception {
    return client.send(
        client.post("/api/v1/executions?wait_seconds=60", body(blueprintId, items, 100)), 200);
  }

  private static ObjectNode body(String blueprintId, JsonNode items, int maxParallel) {
    ObjectNode body = IceosClient.JSON.createObjectNode().put("blueprint_id", blueprintId);
    ObjectNode inputs = body.putObject("inputs");
    if (items != null) {
      inputs.set("items", items);
    }
    body.putObject("options").put("max_parallel", maxParallel);
    return body;
  }

  private static List<RunEvent> sorted(List<RunEvent> events) {
    Map<Long, RunEvent> bySequence = new java.util.TreeMap<>();
    events.forEach(e -> bySequence.putIfAbsent(e.sequence(), e));
    return List.copyOf(bySequence.values());
  }

  private static boolean isCompleted(List<RunEvent> events) {
    return events.stream().anyMatch(e -> e.eventType() == RunEventType.WORKFLOW_COMPLETED);
  }

  private static LatencySample sample(String name, List<Long> nanos) {
    return new LatencySample(name, nanos.stream().mapToLong(Long::longValue).toArray());
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
