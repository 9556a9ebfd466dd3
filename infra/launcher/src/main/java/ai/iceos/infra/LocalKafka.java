package ai.iceos.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process) running in a child
 * JVM from the kafka-broker module. The child exits on its own when this JVM dies.
 */
public final class LocalKafka implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LocalKafka.class.getName());
  private static final String READY_LINE = "Kafka Server started";
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path dataDir;
  private final boolean throwAway;
  private final Path logFile;

  private LocalKafka(Process process, int port, Path dataDir, boolean throwAway, Path logFile) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.throwAway = throwAway;
    this.logFile = logFile;
  }

  /**
   * Where and how to run the broker.
   *
   * @param port PLAINTEXT port, 0 for an ephemeral one
   * @param controllerPort CONTROLLER port, 0 for an ephemeral one
   * @param dataDir persistent directory for config and logs, or {@code null} for a throw-away
   *     temporary directory deleted by {@link #close()}
   * @param startTimeout how long to wait for "Kafka Server started"
   */
  public record Settings(int port, int controllerPort, Path dataDir, Duration startTimeout) {
    /** Ephemeral ports, throw-away data, 120 s start timeout: what tests want. */
    public static Settings ephemeral() {
      return new Settings(0, 0, null, Duration.ofSeconds(120));
    }
  }

  /** Starts the broker and returns once it logged that it is started. */
  public static LocalKafka start(Settings settings) throws IOException {
    int port = Ports.orFree(settings.port());
    int controllerPort = Ports.orFree(settings.controllerPort());
    boolean throwAway = settings.dataDir() == null;
    Path dataDir =
        throwAway
            ? Directories.createThrowAway("kafka")
            : Files.createDirectories(settings.dataDir());
    Path config = dataDir.resolve("server.properties");
    Files.writeString(
        config, KafkaServerConfig.render(port, controllerPort, dataDir.resolve("logs")));
    Path logFile = dataDir.resolve("kafka.log");
    Process process = launch(config);
    LocalKafka kafka = new LocalKafka(process, port, dataDir, throwAway, logFile);
    try {
      kafka.awaitStarted(settings.startTimeout());
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
    LOG.log(
        System.Logger.Level.INFO,
        "Kafka broker ready on " + kafka.bootstrapServers() + " (pid " + process.pid() + ")");
    return kafka;
  }

  private static Process launch(Path config) throws IOException {
    List<Path> classpath = ClasspathFile.brokerClasspath();
    List<String> command = new ArrayList<>();
    command.add(JavaBinary.current());
    command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"));
    command.add("-Diceos.watch.pid=" + ProcessHandle.current().pid());
    command.add("-Dlog4j2.configurationFile=iceos-kafka-log4j2.xml");
    command.add("-cp");
    command.add(
        String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    command.add(ClasspathFile.BROKER_MAIN);
    command.add(config.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  private void awaitStarted(Duration timeout) {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread pump = new Thread(() -> pumpOutput(started), "iceos-kafka-log");
    pump.setDaemon(true);
    pump.start();
    process
        .onExit()
        .thenRun(
            () ->
                started.completeExceptionally(
                    new IllegalStateException(
                        "the Kafka broker exited with code "
                            + process.exitValue()
                            + " before it was ready; see "
                            + logFile)));
    try {
      started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the Kafka broker was not ready within " + timeout + "\n" + LogTail.of(logFile, 30), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          e.getCause().getMessage() + "\n" + LogTail.of(logFile, 30), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }

  /** Copies the broker's output to its log file and completes {@code started} on the ready line. */
  private void pumpOutput(CompletableFuture<Void> started) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out =
            Files.newBufferedWriter(
                logFile,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.write('\n');
        out.flush();
        if (line.contains(READY_LINE)) {
          started.complete(null);
        }
      }
    } catch (IOException e) {
      started.completeExceptionally(new UncheckedIOException("reading the broker's output", e));
    }
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  /** Stops the broker (SIGTERM, so it shuts down cleanly; SIGKILL after 30 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (throwAway) {
      Directories.deleteQuietly(dataDir);
    }
  }
}
