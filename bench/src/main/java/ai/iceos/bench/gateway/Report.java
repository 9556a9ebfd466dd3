package ai.iceos.bench.gateway;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The Markdown section {@link GatewayBench} prints. */
record Report(
    GatewayBench.Settings settings,
    Instant began,
    String loadBefore,
    String loadAfter,
    Map<Target, StepResult> latency,
    Map<Target, Map<String, Double>> cpuMs,
    Map<Target, List<StepResult>> search,
    String usage,
    long fakeServed) {

  void print(PrintStream out, Target direct, Target accounted, Target bare) {
    out.printf("### llm-gateway: added latency and highest sustained rate (%s)%n%n", began);
    out.printf(
        "Machine: %d cores, load average (1/5/15 min) %s before, %s after; %s.%n%n",
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        loadAfter,
        System.getProperty("java.vm.name") + " " + Runtime.version());
    out.printf(
        "Latency at %d requests/s, open loop (from each request's intended start), %d rounds of"
            + " %d s per target taking turns, after %d s of warm-up each:%n%n",
        settings.rate(),
        settings.rounds(),
        settings.seconds().toSeconds(),
        settings.warmup().toSeconds());
    out.println("| target | answered | failed | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |");
    out.println("|---|---|---|---|---|---|---|---|");
    latency.forEach(
        (target, r) ->
            out.printf(
                "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.1f |%n",
                target.name(),
                r.ok(),
                r.failed(),
                r.p50Ms(),
                r.percentileMs(90),
                r.p99Ms(),
                r.percentileMs(99.9),
                r.maxMs()));
    latency.forEach(
        (target, r) -> {
          if (!r.failures().isEmpty()) {
            out.printf("%nFailures of %s: %s%n", target.name(), r.failures());
          }
        });
    out.println();
    StepResult base = latency.get(direct);
    if (base != null) {
      printAdded(out, direct, base);
    }
    out.println(
        "CPU time per request during those rounds (user + system, from /proc; steadier than"
            + " latency when the machine is loaded), in microseconds:");
    out.println();
    out.println("| target | gateway JVM | PostgreSQL | Kafka | Portkey |");
    out.println("|---|---|---|---|---|");
    cpuMs.forEach(
        (target, ms) -> {
          double answered = Math.max(1, latency.get(target).ok());
          out.printf(
              "| %s | %.0f | %.0f | %.0f | %.0f |%n",
              target.name(),
              ms.getOrDefault("gateway", 0.0) * 1000 / answered,
              ms.getOrDefault("postgres", 0.0) * 1000 / answered,
              ms.getOrDefault("kafka", 0.0) * 1000 / answered,
              ms.getOrDefault("portkey", 0.0) * 1000 / answered);
        });
    out.println();
    out.printf(
        "Highest sustained rate: the offered rate is stepped up (%d s per step) until a step has"
            + " more than 0.1 %% failed requests or a p99 over %.0f ms:%n%n",
        settings.stepSeconds().toSeconds(), settings.p99LimitMs());
    out.println(
        "| target | highest rate held (req/s) | steps: offered → answered/s, p50 / p99 ms, failed |");
    out.println("|---|---|---|");
    search.forEach(
        (target, steps) -> {
          int held =
              steps.stream()
                  .filter(s -> s.sustained(settings.p99LimitMs()))
                  .mapToInt(StepResult::offeredRps)
                  .max()
                  .orElse(0);
          boolean capped = steps.size() > 0 && steps.getLast().sustained(settings.p99LimitMs());
          StringBuilder cells = new StringBuilder();
          for (StepResult s : steps) {
            cells.append(
                String.format(
                    "%s%d → %.0f, %.2f / %.2f, %d",
                    cells.isEmpty() ? "" : "; ",
                    s.offeredRps(),
                    s.okPerSecond(),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.failed()));
          }
          out.printf("| %s | %s%d | %s |%n", target.name(), capped ? "≥ " : "", held, cells);
        });
    out.println();
    out.printf(
        "Accounting check: the fake served %d calls; the gateway's usage for org %s: %s%n",
        fakeServed, GatewayBench.ORG, usage);
  }

  private void printAdded(PrintStream out, Target direct, StepResult base) {
    out.println(
        "Added latency = the target's percentile minus the direct call's percentile at the same"
            + " rate, in the same run (goal for the gateway: p50 ≤ 0.5 ms, p99 ≤ 5 ms):");
    out.println();
    out.println("| target | added p50 ms | added p99 ms |");
    out.println("|---|---|---|");
    latency.forEach(
        (target, r) -> {
          if (target != direct) {
            out.printf(
                "| %s | %.3f | %.3f |%n",
                target.name(), r.p50Ms() - base.p50Ms(), r.p99Ms() - base.p99Ms());
          }
        });
    out.println();
  }
}
