package ai.iceos.bench;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few REST calls the benchmarks make, as any HTTP client of iceOS would make them. */
final class IceosClient {
  static final ObjectMapper JSON = IceosJson.mapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;

  IceosClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Creates a blueprint and returns its id once it is compiled. */
  String createBlueprint(JsonNode blueprint) throws IOException, InterruptedException {
    return send(post("/api/v1/blueprints", blueprint).header("X-Version-Lock", "__new__"), 201)
        .path("id")
        .asText();
  }

  HttpRequest.Builder post(String path, JsonNode body) throws IOException {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(90))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .GET(),
        200);
  }

  /** Like {@link #send} without blocking the caller. */
  java.util.concurrent.CompletableFuture<JsonNode> sendAsync(
      HttpRequest.Builder request, int expected) {
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              if (response.statusCode() != expected) {
                throw new IllegalStateException(
                    "expected "
                        + expected
                        + " but got "
                        + response.statusCode()
                        + ": "
                        + response.body());
              }
              try {
                return JSON.readTree(response.body());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  /** Sends and parses the answer; anything but the expected status is an error. */
  JsonNode send(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          "expected " + expected + " but got " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
