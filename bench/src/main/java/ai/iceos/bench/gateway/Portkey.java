package ai.iceos.bench.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Portkey AI gateway ({@code @portkey-ai/gateway} from npm, installed by {@code
 * bench/gateway.sh}) as a child process, bound to 127.0.0.1 by a preloaded module ({@code
 * bench/portkey-loopback.mjs}: its start script listens on every interface and has no host option).
 * It is told per request where the provider is: {@code x-portkey-provider: openai} and {@code
 * x-portkey-custom-host: <fake base URL>}.
 */
final class Portkey implements AutoCloseable {
  private final Process process;
  private final int port;
  private final String version;

  private Portkey(Process process, int port, String version) {
    this.process = process;
    this.port = port;
    this.version = version;
  }

  /** Starts Portkey from {@code installDir} (with {@code node_modules/@portkey-ai/gateway}). */
  static Portkey start(Path installDir, Path loopbackModule, Path log) throws Exception {
    Path pkg = installDir.resolve("node_modules/@portkey-ai/gateway");
    String version =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(pkg.resolve("package.json").toFile())
            .path("version")
            .asText();
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "node",
                    "--import",
                    loopbackModule.toUri().toString(),
                    pkg.resolve("build/start-server.js").toString(),
                    "--port=" + port,
                    "--headless"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("NODE_ENV", "production");
    Process process = builder.start();
    Portkey portkey = new Portkey(process, port, version);
    try {
      portkey.awaitListening(Duration.ofSeconds(60), log);
    } catch (RuntimeException | IOException e) {
      portkey.close();
      throw e;
    }
    return portkey;
  }

  private void awaitListening(Duration timeout, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Portkey exited: " + Files.readString(log));
      }
      try {
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("Portkey did not listen within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Calls through Portkey to the OpenAI-compatible provider at {@code providerBaseUrl}. */
  Target target(String providerBaseUrl) {
    return new Target(
        "Portkey " + version,
        "http://127.0.0.1:" + port + "/v1/chat/completions",
        Map.of(
            "x-portkey-provider", "openai",
            "x-portkey-custom-host", providerBaseUrl,
            "Authorization", "Bearer sk-bench"));
  }

  String version() {
    return version;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
