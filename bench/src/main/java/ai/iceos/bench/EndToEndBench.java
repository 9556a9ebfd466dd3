package ai.iceos.bench;

import java.time.Instant;

/**
 * Measures, in one run on one machine, Kafka's own produce → consume latency and the end-to-end
 * time of a 10-node echo chain through iceOS, and prints a Markdown section for BENCHMARKS.md.
 *
 * <p>Expects a running system (bench/e2e.sh starts one): {@code --api http://127.0.0.1:8080},
 * {@code --kafka 127.0.0.1:29092}, {@code --token dev-token}, {@code --runs 30}.
 */
public final class EndToEndBench {
  private EndToEndBench() {}

  public static void main(String[] args) throws Exception {
    String api = Options.of(args, "--api", "http://127.0.0.1:8080");
    String kafka = Options.of(args, "--kafka", "127.0.0.1:29092");
    String token = Options.of(args, "--token", "dev-token");
    int runs = Integer.parseInt(Options.of(args, "--runs", "30"));

    LatencySample hop = new KafkaHopBench(kafka).run(200, 2000);
    ChainBench.Result chain = new ChainBench(api, token).run(10, 3, runs);
    LatencySample hopAfter = new KafkaHopBench(kafka).run(200, 2000);

    System.out.println(
        "### End-to-end: 10-node echo chain vs. one Kafka hop (" + Instant.now() + ")");
    System.out.println();
    System.out.println(LatencySample.markdownHeader());
    System.out.println(hop.markdownRow());
    System.out.println(chain.endToEnd().markdownRow());
    System.out.println(chain.engine().markdownRow());
    System.out.println(
        hopAfter.markdownRow().replace("(one hop)", "(one hop, measured again after)"));
    System.out.println();
    System.out.printf(
        "Per node (engine time / 10, p50): %.2f ms = %.1f Kafka hops (p50).%n",
        chain.engine().percentileMs(50) / 10,
        chain.engine().percentileMs(50) / 10 / hop.percentileMs(50));
  }
}
