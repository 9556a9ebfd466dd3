package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A small fluent client of the public REST API, as a user's program would call it. */
final class IceosApi {
  private static final ObjectMapper JSON = IceosJson.mapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;

  IceosApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** An answer: status, content type and body (parsed when it is JSON). */
  record Answer(int status, String contentType, String raw) {
    JsonNode json() {
      try {
        return JSON.readTree(raw);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + raw, e);
      }
    }

    Answer expect(int expected) {
      assertThat(status).as("HTTP status of answer %s", raw).isEqualTo(expected);
      return this;
    }

    /** Asserts an RFC 9457 problem with this status and returns it. */
    JsonNode expectProblem(int expected) {
      expect(expected);
      assertThat(contentType).startsWith("application/problem+json");
      JsonNode problem = json();
      assertThat(problem.path("status").asInt()).isEqualTo(expected);
      assertThat(problem.path("type").asText()).isNotBlank();
      assertThat(problem.path("title").asText()).isNotBlank();
      return problem;
    }
  }

  static ObjectNode fixture(String name) {
    try {
      Path path = Path.of("src/test/resources/blueprints", name);
      return (ObjectNode) JSON.readTree(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Answer createBlueprint(JsonNode blueprint) {
    return send(post("/api/v1/blueprints", body(blueprint)).header("X-Version-Lock", "__new__"));
  }

  Answer createBlueprintRaw(String rawBody) {
    return send(post("/api/v1/blueprints", rawBody).header("X-Version-Lock", "__new__"));
  }

  /** Creates a blueprint that must compile and returns its id. */
  String createCompiled(JsonNode blueprint) {
    return createBlueprint(blueprint).expect(201).json().path("id").asText();
  }

  /** A page of the caller's blueprints, newest first. */
  Answer blueprints(int limit) {
    return send(request("/api/v1/blueprints?limit=" + limit).GET());
  }

  Answer blueprint(String blueprintId) {
    return send(request("/api/v1/blueprints/" + blueprintId).GET());
  }

  Answer startExecution(String blueprintId, JsonNode inputs, int waitSeconds) {
    ObjectNode request = JSON.createObjectNode().put("blueprint_id", blueprintId);
    request.set("inputs", inputs);
    String query = waitSeconds > 0 ? "?wait_seconds=" + waitSeconds : "";
    return send(post("/api/v1/executions" + query, body(request)));
  }

  /** Creates the fixture blueprint, starts it with no inputs and returns the execution id. */
  String startFixture(String fixture) {
    String blueprintId = createCompiled(fixture(fixture));
    return startExecution(blueprintId, JSON.createObjectNode(), 0)
        .expect(202)
        .json()
        .path("execution_id")
        .asText();
  }

  Answer execution(String executionId) {
    return send(request("/api/v1/executions/" + executionId).GET());
  }

  Answer execution(String executionId, int waitSeconds) {
    return send(
        request("/api/v1/executions/" + executionId + "?wait_seconds=" + waitSeconds).GET());
  }

  /** Asks to cancel a running execution. */
  Answer cancel(String executionId) {
    return send(post("/api/v1/executions/" + executionId + "/cancel", "{}"));
  }

  /** Sends a decision for a waiting {@code human} node. */
  Answer decide(String executionId, String nodeId, JsonNode decision) {
    return send(
        post(
            "/api/v1/executions/" + executionId + "/nodes/" + nodeId + "/decision",
            body(decision)));
  }

  /**
   * Every run event of the execution, in order, from its Server-Sent Events stream ({@code GET
   * /api/v1/executions/{id}/events}), which ends after the terminal event.
   */
  List<JsonNode> events(String executionId) {
    HttpRequest request =
        request("/api/v1/executions/" + executionId + "/events")
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    try {
      HttpResponse<java.util.stream.Stream<String>> response =
          http.send(request, HttpResponse.BodyHandlers.ofLines());
      assertThat(response.statusCode()).as("status of the event stream").isEqualTo(200);
      try (var lines = response.body()) {
        return ServerSentEvents.read(lines.iterator());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String body(JsonNode json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(90))
        .header("Authorization", "Bearer " + token);
  }

  private HttpRequest.Builder post(String path, String body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
