package ai.iceos.infra;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Submits each demo blueprint to blueprint-service, runs it with {@code {"name": "iceOS"}} and
 * prints the finished execution view and the output of its last node. Succeeds only when every
 * execution's status is {@code completed}.
 */
public final class DemoRunner {
  private static final String TOKEN = "Bearer dev-token";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The iceOS mapper, keeping decimals exact so that costs print as 0.000148, not 1.48E-4. */
  private final ObjectMapper json =
      IceosJson.mapper()
          .copy()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  public DemoRunner(String blueprintServiceUrl) {
    this.baseUrl = blueprintServiceUrl.replaceAll("/+$", "");
  }

  /**
   * {@code DemoRunner <blueprint-service base URL> <project root> [blueprint file]...}: runs the
   * given files, or the {@link LauncherArgs#DEFAULT_DEMOS}; exit 0 only when every execution
   * completed.
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println(
          "usage: DemoRunner <blueprint-service URL> <project root> [blueprint.json]...");
      System.exit(2);
    }
    try {
      Path root = Path.of(args[1]);
      List<String> names =
          args.length > 2
              ? Arrays.asList(args).subList(2, args.length)
              : LauncherArgs.DEFAULT_DEMOS;
      new DemoRunner(args[0]).runAll(names.stream().map(root::resolve).toList(), System.out);
    } catch (DemoFailedException e) {
      System.err.println("demo failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs each demo in turn; throws at the first one that does not complete. */
  public void runAll(List<Path> blueprintFiles, PrintStream out) {
    blueprintFiles.forEach(file -> run(file, out));
  }

  /** Creates the blueprint, runs it, prints the view; throws unless it completed. */
  public JsonNode run(Path blueprintFile, PrintStream out) {
    String blueprintId = createBlueprint(blueprintFile);
    out.println(
        "demo: blueprint " + blueprintId + " created; running it with {\"name\": \"iceOS\"}");
    JsonNode view = execute(blueprintId);
    out.println(pretty(view));
    String status = view.path("status").asText();
    if (!"completed".equals(status)) {
      throw new DemoFailedException(
          "the execution ended with status '" + status + "', not 'completed'");
    }
    out.println("demo: execution " + view.path("execution_id").asText() + " completed");
    lastNodeOutput(blueprintFile, view)
        .ifPresent(
            output ->
                out.println(
                    "demo: result of " + output.getKey() + ": " + compact(output.getValue())));
    return view;
  }

  /** The output of the blueprint's last top-level node, the one a reader of the demo wants. */
  private Optional<Map.Entry<String, JsonNode>> lastNodeOutput(Path file, JsonNode view) {
    JsonNode nodes = readJson(file).path("nodes");
    if (nodes.isEmpty()) {
      return Optional.empty();
    }
    String last = nodes.get(nodes.size() - 1).path("id").asText();
    return Optional.of(Map.entry(last, view.path("nodes").path(last).path("output")));
  }

  private JsonNode readJson(Path file) {
    try {
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw new DemoFailedException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private String createBlueprint(Path file) {
    String body;
    try {
      body = Files.readString(file);
    } catch (IOException e) {
      throw new DemoFailedException("cannot read " + file + ": " + e.getMessage());
    }
    HttpRequest request =
        post("/api/v1/blueprints", body).header("X-Version-Lock", "__new__").build();
    HttpResponse<String> response = send(request);
    return switch (response.statusCode()) {
      case 201 -> field(response, "id");
      case 202 -> awaitCompiled(field(response, "id"));
      default -> throw unexpected("creating the blueprint", 201, response);
    };
  }

  /** The compiler did not answer within the API's bound (a slow start): poll until it has. */
  private String awaitCompiled(String blueprintId) {
    Instant deadline = Instant.now().plus(WAIT);
    String status = "pending";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = send(get("/api/v1/blueprints/" + blueprintId));
      if (response.statusCode() != 200) {
        throw unexpected("reading the blueprint", 200, response);
      }
      status = parse(response).path("status").asText();
      if ("compiled".equals(status)) {
        return blueprintId;
      }
      if (!"pending".equals(status)) {
        throw new DemoFailedException(
            "blueprint " + blueprintId + " is " + status + ": " + response.body());
      }
      pause();
    }
    throw new DemoFailedException(
        "blueprint " + blueprintId + " was still " + status + " after " + WAIT.toSeconds() + " s");
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailedException("interrupted");
    }
  }

  private JsonNode execute(String blueprintId) {
    ObjectNode body = json.createObjectNode().put("blueprint_id", blueprintId);
    body.putObject("inputs").put("name", "iceOS");
    HttpRequest request =
        post("/api/v1/executions?wait_seconds=" + WAIT.toSeconds(), body.toString())
            .timeout(WAIT.plusSeconds(30))
            .build();
    HttpResponse<String> response = send(request);
    return switch (response.statusCode()) {
      case 200 -> parse(response);
      case 202 -> awaitTerminal(field(response, "execution_id"));
      default -> throw unexpected("starting the execution", 200, response);
    };
  }

  /** The execution was still running after {@code wait_seconds}: poll its view a while longer. */
  private JsonNode awaitTerminal(String executionId) {
    Instant deadline = Instant.now().plus(WAIT);
    JsonNode view = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = send(get("/api/v1/executions/" + executionId));
      if (response.statusCode() != 200) {
        throw unexpected("reading the execution", 200, response);
      }
      view = parse(response);
      if (TERMINAL.contains(view.path("status").asText())) {
        return view;
      }
      pause();
    }
    throw new DemoFailedException(
        "execution " + executionId + " did not finish in time; last view:\n" + pretty(view));
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", TOKEN)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", TOKEN)
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DemoFailedException(request.method() + " " + request.uri() + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailedException("interrupted");
    }
  }

  private JsonNode parse(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new DemoFailedException(
          "answer of " + response.uri() + " is not JSON: " + abbreviate(response.body()));
    }
  }

  private String field(HttpResponse<String> response, String name) {
    JsonNode value = parse(response).path(name);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new DemoFailedException(
          "answer of " + response.uri() + " has no '" + name + "': " + abbreviate(response.body()));
    }
    return value.asText();
  }

  private static DemoFailedException unexpected(
      String step, int expected, HttpResponse<String> response) {
    return new DemoFailedException(
        step
            + ": expected HTTP "
            + expected
            + " but got "
            + response.statusCode()
            + ": "
            + abbreviate(response.body()));
  }

  /** One line, decimals written plainly (200, not 2E+2). */
  private String compact(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (IOException e) {
      return String.valueOf(node);
    }
  }

  private String pretty(JsonNode node) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (IOException e) {
      return String.valueOf(node);
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
  }

  /** The demo did not end in a completed execution; the message says where it stopped. */
  public static final class DemoFailedException extends RuntimeException {
    DemoFailedException(String message) {
      super(message);
    }
  }
}
