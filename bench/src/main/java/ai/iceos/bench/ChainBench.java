package ai.iceos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * End-to-end time of an n-node chain of {@code echo} tool nodes through the public REST API: the
 * client starts an execution with {@code ?wait_seconds=60} and stops the clock on the answer. The
 * engine's own share is read from the execution view (finished_at − started_at).
 */
final class ChainBench {
  private static final ObjectMapper JSON = IceosClient.JSON;
  private final IceosClient client;

  ChainBench(String baseUrl, String token) {
    this.client = new IceosClient(baseUrl, token);
  }

  record Result(LatencySample endToEnd, LatencySample engine) {}

  Result run(int nodes, int warmup, int measured) throws Exception {
    String blueprintId = createChain(nodes);
    long[] e2e = new long[measured];
    long[] engine = new long[measured];
    for (int i = 0; i < warmup + measured; i++) {
      long started = System.nanoTime();
      JsonNode view = execute(blueprintId);
      long took = System.nanoTime() - started;
      if (!"completed".equals(view.path("status").asText())) {
        throw new IllegalStateException("execution did not complete: " + view);
      }
      if (i >= warmup) {
        e2e[i - warmup] = took;
        engine[i - warmup] =
            Duration.between(
                    Instant.parse(view.path("started_at").asText()),
                    Instant.parse(view.path("finished_at").asText()))
                .toNanos();
      }
    }
    return new Result(
        new LatencySample(nodes + "-node echo chain, client end to end", e2e),
        new LatencySample(nodes + "-node echo chain, started_at → finished_at", engine));
  }

  private String createChain(int nodes) throws Exception {
    return client.createBlueprint(ChainBlueprint.of(nodes));
  }

  private JsonNode execute(String blueprintId) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("blueprint_id", blueprintId);
    body.putObject("inputs").put("seed", "bench");
    return client.send(client.post("/api/v1/executions?wait_seconds=60", body), 200);
  }
}
