package ai.iceos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load test of the public blueprint API (blueprint-service issue): N concurrent clients (virtual
 * threads, one HTTP connection each in effect) read and write blueprints for a fixed time: 70 %
 * {@code GET /blueprints/{id}}, 15 % list pages, 10 % {@code PUT} under the version lock (a stale
 * lock's 409 is the protocol working, counted apart), 5 % creates. Prints throughput, p50/p99 per
 * operation and every status seen; exits 1 on any 5xx or transport error.
 *
 * <p>{@code --api http://127.0.0.1:8080}, {@code --token dev-token}, {@code --clients 500}, {@code
 * --seconds 60}, {@code --blueprints 50}. With {@code --starts N} (N > 0) it first posts N
 * executions of a one-node no-op blueprint, 64 requests in flight, and reports the rate of {@code
 * POST /api/v1/executions} alone (answered 202, nothing waited for) with p50/p99; {@code --seconds
 * 0} then skips the mixed load.
 */
public final class LoadBench {
  private final IceosClient client;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();
  private final String api;
  private final String token;
  private final List<String> ids = new ArrayList<>();
  private final Map<String, String> locks = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

  private LoadBench(String api, String token) {
    this.api = api;
    this.token = token;
    this.client = new IceosClient(api, token);
  }

  public static void main(String[] args) throws Exception {
    LoadBench bench =
        new LoadBench(
            Options.of(args, "--api", "http://127.0.0.1:8080"),
            Options.of(args, "--token", "dev-token"));
    int clients = Integer.parseInt(Options.of(args, "--clients", "500"));
    int seconds = Integer.parseInt(Options.of(args, "--seconds", "60"));
    int blueprints = Integer.parseInt(Options.of(args, "--blueprints", "50"));
    int starts = Integer.parseInt(Options.of(args, "--starts", "0"));
    bench.prepare(blueprints);
    boolean ok = starts <= 0 || bench.starts(starts, 64);
    if (seconds > 0) {
      Duration took = bench.run(clients, Duration.ofSeconds(seconds));
      ok &= bench.report(clients, took);
    }
    System.exit(ok ? 0 : 1);
  }

  /** Lifts the org's rate limit out of the way and creates the blueprints the clients share. */
  private void prepare(int blueprints) throws Exception {
    ObjectNode policy = IceosClient.JSON.createObjectNode().put("rate_limit_per_minute", 1_000_000);
    client.send(client.post("/api/v1/policy", policy).method("PUT", body(policy)), 200);
    for (int i = 0; i < blueprints; i++) {
      JsonNode created =
          client.send(
              client
                  .post("/api/v1/blueprints", ChainBlueprint.of(3))
                  .header("X-Version-Lock", "__new__"),
              201);
      ids.add(created.path("id").asText());
      locks.put(created.path("id").asText(), created.path("version_lock").asText());
    }
  }

  /** Posts n executions, {@code inFlight} at a time; prints the rate; true when all were 202. */
  private boolean starts(int n, int inFlight) throws Exception {
    String blueprintId = client.createBlueprint(SchedulerBlueprints.chain(1));
    ObjectNode start = IceosClient.JSON.createObjectNode().put("blueprint_id", blueprintId);
    start.putObject("inputs");
    String json = IceosClient.JSON.writeValueAsString(start);
    long[] took = new long[n];
    AtomicLong accepted = new AtomicLong();
    Semaphore slots = new Semaphore(inFlight);
    long begin = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        int index = i;
        slots.acquire();
        pool.submit(
            () -> {
              long sent = System.nanoTime();
              try {
                HttpResponse<String> response =
                    http.send(
                        request("/api/v1/executions")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                  accepted.incrementAndGet();
                }
              } catch (Exception e) {
                System.err.println("start failed: " + e);
              } finally {
                took[index] = System.nanoTime() - sent;
                slots.release();
              }
            });
      }
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    System.out.printf(
        "### Starts: %d one-node executions posted, %d in flight (%s)%n%n",
        n, inFlight, Instant.now());
    System.out.printf(
        "%d of %d answered 202 in %.2f s: **%.0f starts/s**.%n%n",
        accepted.get(), n, seconds, n / seconds);
    System.out.println(LatencySample.markdownHeader());
    System.out.println(new LatencySample("POST /api/v1/executions", took).markdownRow());
    System.out.println();
    return accepted.get() == n;
  }

  private Duration run(int clients, Duration length) throws InterruptedException {
    Instant started = Instant.now();
    Instant deadline = started.plus(length);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        pool.submit(() -> clientLoop(deadline));
      }
    }
    return Duration.between(started, Instant.now());
  }

  private void clientLoop(Instant deadline) {
    while (Instant.now().isBefore(deadline)) {
      String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
      double dice = ThreadLocalRandom.current().nextDouble();
      if (dice < 0.70) {
        call("get", request("/api/v1/blueprints/" + id).GET(), null);
      } else if (dice < 0.85) {
        call("list", request("/api/v1/blueprints?limit=20").GET(), null);
      } else if (dice < 0.95) {
        HttpRequest.Builder put =
            request("/api/v1/blueprints/" + id)
                .header("Content-Type", "application/json")
                .header("X-Version-Lock", locks.get(id))
                .PUT(body(ChainBlueprint.of(3)));
        call("put", put, id);
      } else {
        HttpRequest.Builder post =
            request("/api/v1/blueprints")
                .header("Content-Type", "application/json")
                .header("X-Version-Lock", "__new__")
                .POST(body(ChainBlueprint.of(3)));
        call("create", post, null);
      }
    }
  }

  private void call(String operation, HttpRequest.Builder request, String lockedId) {
    long started = System.nanoTime();
    String outcome;
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      outcome = operation + " " + response.statusCode();
      if (lockedId != null && response.statusCode() == 200) {
        response.headers().firstValue("X-Version-Lock").ifPresent(l -> locks.put(lockedId, l));
      }
    } catch (Exception e) {
      outcome = operation + " transport-error " + e.getClass().getSimpleName();
    }
    latencies
        .computeIfAbsent(operation, o -> new ConcurrentLinkedQueue<>())
        .add(System.nanoTime() - started);
    statuses.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(api + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token);
  }

  private static HttpRequest.BodyPublisher body(JsonNode json) {
    try {
      return HttpRequest.BodyPublishers.ofString(IceosClient.JSON.writeValueAsString(json));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Prints the Markdown section; true when nothing answered 5xx and no request failed in transit.
   */
  private boolean report(int clients, Duration took) {
    long total = latencies.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    System.out.printf(
        "### Load: %d concurrent clients on the blueprint API for %d s (%s)%n%n",
        clients, took.toSeconds(), Instant.now());
    System.out.printf(
        "Throughput: %.0f requests/s (%d requests).%n%n",
        total / (took.toMillis() / 1000.0), total);
    System.out.println(LatencySample.markdownHeader());
    new TreeMap<>(latencies)
        .forEach(
            (operation, values) ->
                System.out.println(
                    new LatencySample(
                            operation, values.stream().mapToLong(Long::longValue).toArray())
                        .markdownRow()));
    System.out.println();
    System.out.println("Statuses: " + new TreeMap<>(statuses));
    long bad =
        statuses.entrySet().stream()
            .filter(e -> e.getKey().matches(".* (5\\d\\d|transport-error.*)"))
            .mapToLong(e -> e.getValue().get())
            .sum();
    System.out.println("5xx or transport errors: " + bad);
    return bad == 0;
  }
}
