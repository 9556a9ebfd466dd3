package ai.iceos.bench;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * End-to-end time of an n-node chain of {@code echo} tool nodes through the public REST API: the
 * client starts an execution with {@code ?wait_seconds=60} and stops the clock on the answer. The
 * engine's own share is read from the execution view (finished_at − started_at).
 */
final class ChainBench {
  private static final ObjectMapper JSON = IceosJson.mapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;

  ChainBench(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
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
    ObjectNode blueprint = JSON.createObjectNode();
    blueprint.put("schema_version", "1.2.0");
    ArrayNode list = blueprint.putArray("nodes");
    for (int i = 0; i < nodes; i++) {
      ObjectNode node = list.addObject();
      node.put("id", "n" + i);
      node.put("type", "tool");
      node.put("tool_name", "echo");
      ObjectNode args = node.putObject("tool_args");
      if (i == 0) {
        args.put("value", "{{ inputs.seed }}");
      } else {
        node.putArray("dependencies").add("n" + (i - 1));
        args.put("value", "{{ n" + (i - 1) + ".value }}");
      }
    }
    JsonNode created =
        send(post("/api/v1/blueprints", blueprint).header("X-Version-Lock", "__new__"), 201);
    return created.path("id").asText();
  }

  private JsonNode execute(String blueprintId) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("blueprint_id", blueprintId);
    body.putObject("inputs").put("seed", "bench");
    return send(post("/api/v1/executions?wait_seconds=60", body), 200);
  }

  private HttpRequest.Builder post(String path, JsonNode body) throws Exception {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(90))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
  }

  private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          "expected " + expected + " but got " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
