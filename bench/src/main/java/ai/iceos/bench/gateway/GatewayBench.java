package ai.iceos.bench.gateway;

import ai.iceos.bench.Options;
import ai.iceos.infra.LocalSystem;
import ai.iceos.infra.Service;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Added latency and highest sustained rate of llm-gateway in front of a loopback OpenAI-compatible
 * fake, side by side with calling the fake directly and with the Portkey AI gateway in front of the
 * same fake (issue 7). Starts PostgreSQL, Kafka and the packaged gateway on ephemeral ports, the
 * fake in this JVM, Portkey as a node child process when {@code --portkey-dir} is given. Prints a
 * Markdown section.
 *
 * <p>{@code --rate 1000} (requests/s of the latency comparison), {@code --seconds 10} and {@code
 * --rounds 3} (the targets take turns for that long, that many times, so a noisy neighbour hits
 * every target alike), {@code --warmup-seconds 20}, {@code --step-seconds 10} and {@code
 * --p99-limit-ms 50} (the rate search: a step holds when at most 0.1 % of its requests fail and its
 * p99 is within the limit), {@code --max-rate 20000}, {@code --portkey-dir <npm prefix>}, {@code
 * --portkey-loopback bench/portkey-loopback.mjs}, {@code --targets direct,gateway,bare,portkey},
 * {@code --search-targets direct,gateway,bare,portkey} (the targets whose highest rate is
 * searched), {@code --skip-search true}, {@code --project-root .} (where {@code
 * llm-gateway/target/quarkus-app} is, e.g. an older build to compare with), {@code --baseline-root
 * <dir>} (a second build, started beside the first with its own PostgreSQL and Kafka, whose targets
 * {@code base-gateway} and {@code base-bare} take turns with the others: before and after in one
 * run) and {@code --baseline-label}. {@code GATEWAY_JAVA_OPTIONS} (e.g. a flight recording) is
 * passed to the gateway JVM, {@code BASELINE_GATEWAY_JAVA_OPTIONS} to the baseline's (so that two
 * JVM settings of one build can be compared in one run).
 */
public final class GatewayBench {
  static final String ORG = "bench-org";
  private static final List<Integer> STEPS =
      List.of(
          250, 500, 750, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 12000, 15000,
          20000);
  private static final String BODY =
      "{\"model\":\""
          + FakeOpenAi.MODEL
          + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You answer in one word.\"},"
          + "{\"role\":\"user\",\"content\":\"Say pong.\"}],\"max_tokens\":16}";

  private GatewayBench() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.of(args);
    String loadBefore = loadAverage();
    Instant began = Instant.now();
    Vertx fakeLoop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Vertx clientLoop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Path work = Files.createTempDirectory("iceos-gateway-bench-");
    try (FakeOpenAi fake = FakeOpenAi.start(fakeLoop);
        LocalSystem system =
            startGateway(
                fake, settings.projectRoot, work.resolve("system"), "GATEWAY_JAVA_OPTIONS");
        LocalSystem baseline =
            settings.baselineRoot.isEmpty()
                ? null
                : startGateway(
                    fake,
                    settings.baselineRoot.get(),
                    work.resolve("baseline"),
                    "BASELINE_GATEWAY_JAVA_OPTIONS");
        OpenLoop load = new OpenLoop(clientLoop, BODY);
        Portkey portkey = settings.portkeyDir.isEmpty() ? null : startPortkey(settings, work)) {
      String gateway = system.baseUrl(Service.LLM_GATEWAY);
      putBudget(gateway);
      CpuTime cpu = cpuOf(system, settings.projectRoot, work.resolve("system"));
      Target direct =
          new Target(
              "direct to the fake",
              fake.baseUrl() + "/chat/completions",
              Map.of("Authorization", "Bearer sk-bench"));
      Target accounted =
          new Target(
              "iceOS gateway, org budget",
              gateway + "/v1/chat/completions",
              Map.of("X-Iceos-Org-Id", ORG));
      Target bare =
          new Target("iceOS gateway, no attribution", gateway + "/v1/chat/completions", Map.of());
      Map<String, Target> byKey = new LinkedHashMap<>();
      Map<Target, CpuTime> cpuOf = new LinkedHashMap<>();
      byKey.put("direct", direct);
      byKey.put("gateway", accounted);
      byKey.put("bare", bare);
      if (baseline != null) {
        String old = baseline.baseUrl(Service.LLM_GATEWAY);
        putBudget(old);
        CpuTime oldCpu = cpuOf(baseline, settings.baselineRoot.get(), work.resolve("baseline"));
        Target oldAccounted =
            new Target(
                settings.baselineLabel + ", org budget",
                old + "/v1/chat/completions",
                Map.of("X-Iceos-Org-Id", ORG));
        Target oldBare =
            new Target(
                settings.baselineLabel + ", no attribution",
                old + "/v1/chat/completions",
                Map.of());
        byKey.put("base-gateway", oldAccounted);
        byKey.put("base-bare", oldBare);
        cpuOf.put(oldAccounted, oldCpu);
        cpuOf.put(oldBare, oldCpu);
      }
      if (portkey != null) {
        byKey.put("portkey", portkey.target(fake.baseUrl()));
      }
      List<Target> targets =
          byKey.entrySet().stream()
              .filter(e -> settings.targets.contains(e.getKey()))
              .map(Map.Entry::getValue)
              .toList();
      for (Target target : targets) {
        StepResult probe = load.run(target, 10, Duration.ofSeconds(1));
        if (probe.ok() != probe.sent()) {
          throw new IllegalStateException(target.name() + " did not answer 200: " + probe);
        }
      }
      for (Target target : targets) {
        load.run(target, settings.rate, settings.warmup);
      }
      Map<Target, StepResult> latency = new LinkedHashMap<>();
      Map<Target, Map<String, Double>> cpuMs = new LinkedHashMap<>();
      for (int round = 0; round < settings.rounds; round++) {
        for (Target target : targets) {
          CpuTime counted = cpuOf.getOrDefault(target, cpu);
          Map<String, Double> before = counted.snapshot();
          StepResult step = load.run(target, settings.rate, settings.seconds);
          CpuTime.between(before, counted.snapshot())
              .forEach(
                  (group, ms) ->
                      cpuMs
                          .computeIfAbsent(target, t -> new TreeMap<>())
                          .merge(group, ms, Double::sum));
          latency.merge(target, step, StepResult::plus);
          Thread.sleep(1000);
        }
      }
      Map<Target, List<StepResult>> search = new LinkedHashMap<>();
      List<Target> searched =
          byKey.entrySet().stream()
              .filter(e -> settings.targets.contains(e.getKey()))
              .filter(e -> settings.searchTargets.contains(e.getKey()))
              .map(Map.Entry::getValue)
              .toList();
      for (Target target : settings.search ? searched : List.<Target>of()) {
        search.put(target, searchRate(load, target, settings));
      }
      String usage = usageOf(gateway);
      new Report(
              settings,
              began,
              loadBefore,
              loadAverage(),
              latency,
              cpuMs,
              search,
              usage,
              fake.served())
          .print(System.out, direct, accounted, bare);
    } finally {
      clientLoop.close();
      fakeLoop.close();
      deleteTree(work);
    }
  }

  /** The benchmark's databases, brokers and logs: gigabytes after a long run. */
  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Starts one build's gateway; {@code optionsVariable} names its extra JVM options, if set. */
  private static LocalSystem startGateway(
      FakeOpenAi fake, Path projectRoot, Path dataDir, String optionsVariable) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ICEOS_GATEWAY_PROVIDERS_OPENAI_BASE_URL", fake.baseUrl());
    env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
    String javaOptions = System.getenv(optionsVariable);
    if (javaOptions != null && !javaOptions.isBlank()) {
      env.put("JAVA_TOOL_OPTIONS", javaOptions);
    }
    return LocalSystem.builder()
        .projectRoot(projectRoot)
        .ephemeralPorts()
        .dataDir(dataDir)
        .services(Service.LLM_GATEWAY)
        .env(Service.LLM_GATEWAY, env)
        .build()
        .start();
  }

  /** The CPU of one system: its gateway build, its PostgreSQL and its Kafka (by data dir). */
  private static CpuTime cpuOf(LocalSystem system, Path projectRoot, Path dataDir) {
    return CpuTime.of(
        projectRoot, URI.create(system.postgresJdbcUrl().substring(5)).getPort(), dataDir);
  }

  private static Portkey startPortkey(Settings settings, Path work) throws Exception {
    return Portkey.start(
        Path.of(settings.portkeyDir.get()), settings.portkeyLoopback, work.resolve("portkey.log"));
  }

  /** Steps the offered rate up until a step does not hold; returns every step run. */
  private static List<StepResult> searchRate(OpenLoop load, Target target, Settings settings)
      throws InterruptedException {
    List<StepResult> steps = new ArrayList<>();
    for (int rate : STEPS) {
      if (rate > settings.maxRate) {
        break;
      }
      StepResult step = load.run(target, rate, settings.stepSeconds);
      steps.add(step);
      Thread.sleep(3000);
      if (!step.sustained(settings.p99LimitMs)) {
        break;
      }
    }
    return steps;
  }

  private static void putBudget(String gateway) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/v1/budgets/org:" + ORG))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"limit_usd\": 1000000}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "PUT budget answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  private static String usageOf(String gateway) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(gateway + "/api/v1/usage?org_id=" + ORG)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** Command-line settings. */
  record Settings(
      int rate,
      Duration seconds,
      int rounds,
      Duration warmup,
      Duration stepSeconds,
      double p99LimitMs,
      int maxRate,
      Optional<String> portkeyDir,
      Path portkeyLoopback,
      Set<String> targets,
      Set<String> searchTargets,
      boolean search,
      Path projectRoot,
      Optional<Path> baselineRoot,
      String baselineLabel) {
    static Settings of(String[] args) {
      return new Settings(
          Integer.parseInt(Options.of(args, "--rate", "1000")),
          Duration.ofSeconds(Long.parseLong(Options.of(args, "--seconds", "10"))),
          Integer.parseInt(Options.of(args, "--rounds", "3")),
          Duration.ofSeconds(Long.parseLong(Options.of(args, "--warmup-seconds", "20"))),
          Duration.ofSeconds(Long.parseLong(Options.of(args, "--step-seconds", "10"))),
          Double.parseDouble(Options.of(args, "--p99-limit-ms", "50")),
          Integer.parseInt(Options.of(args, "--max-rate", "20000")),
          Optional.ofNullable(Options.of(args, "--portkey-dir", null)),
          Path.of(Options.of(args, "--portkey-loopback", "bench/portkey-loopback.mjs"))
              .toAbsolutePath(),
          Set.of(
              Options.of(args, "--targets", "direct,gateway,bare,base-gateway,base-bare,portkey")
                  .split(",")),
          Set.of(Options.of(args, "--search-targets", "direct,gateway,bare,portkey").split(",")),
          !Boolean.parseBoolean(Options.of(args, "--skip-search", "false")),
          Path.of(Options.of(args, "--project-root", "")).toAbsolutePath(),
          Optional.ofNullable(Options.of(args, "--baseline-root", null))
              .map(root -> Path.of(root).toAbsolutePath()),
          Options.of(args, "--baseline-label", "baseline gateway"));
    }
  }
}
