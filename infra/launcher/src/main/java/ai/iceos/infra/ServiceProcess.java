package ai.iceos.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as a separate JVM: {@code java -Xmx256m [its JVM options] -jar
 * <module>/target/quarkus-app/quarkus-run.jar} with its output in a log file, ready when {@code
 * /q/health/ready} answers 200.
 */
final class ServiceProcess {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  private final Service service;
  private final int port;
  private final Path jar;
  private final Path logFile;
  private final Map<String, String> env;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private Instant startedAt;

  ServiceProcess(
      Service service, int port, Path projectRoot, Path logFile, Map<String, String> env) {
    this.service = service;
    this.port = port;
    this.jar = jarOf(projectRoot, service);
    this.logFile = logFile;
    this.env = Map.copyOf(env);
  }

  /** Where the service's fast-jar is after {@code ./mvnw install -Dquick}. */
  static Path jarOf(Path projectRoot, Service service) {
    return projectRoot
        .resolve(service.moduleName())
        .resolve("target/quarkus-app/quarkus-run.jar")
        .toAbsolutePath();
  }

  /** Fails with the build command when the packaged app is missing. */
  static void requirePackaged(Path projectRoot, Service service) {
    Path jar = jarOf(projectRoot, service);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          service
              + " is not built: "
              + jar
              + " is missing. Build it from "
              + projectRoot.toAbsolutePath()
              + " with: ./mvnw -B -q install -Dquick");
    }
  }

  Service service() {
    return service;
  }

  int port() {
    return port;
  }

  Path logFile() {
    return logFile;
  }

  synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  synchronized void start() {
    if (isRunning()) {
      return;
    }
    List<String> command = new ArrayList<>();
    command.add(JavaBinary.current());
    command.add("-Xmx256m");
    command.addAll(service.jvmOptions());
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(logFile.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    try {
      Files.createDirectories(logFile.getParent());
      // logs append across runs; the marker shows where this run's output starts
      Files.writeString(
          logFile,
          "=== iceOS launcher: starting " + service + " at " + Instant.now() + " ===\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + service, e);
    }
    startedAt = Instant.now();
    ProcessWatchdog.guard(process.pid(), "TERM", 15);
  }

  /** Polls the readiness endpoint; fails early, with the log's tail, if the process dies. */
  void awaitReady(Duration timeout) {
    URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    Instant deadline = startedAt.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!isRunning()) {
        throw new IllegalStateException(
            service + " exited before it was ready\n" + LogTail.of(logFile, 40));
      }
      if (answersOk(ready)) {
        return;
      }
      pause();
    }
    throw new IllegalStateException(
        service
            + " was not ready within "
            + timeout.toSeconds()
            + " s ("
            + ready
            + ")\n"
            + LogTail.of(logFile, 40));
  }

  private boolean answersOk(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + service, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** SIGTERM (Quarkus shuts down gracefully), SIGKILL when still alive after {@code grace}. */
  synchronized void stop(Duration grace) {
    if (process == null) {
      return;
    }
    process.destroy();
    awaitExit(grace);
  }

  /** SIGKILL, as in a crash. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  private void awaitExit(Duration grace) {
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
