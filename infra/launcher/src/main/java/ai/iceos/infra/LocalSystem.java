package ai.iceos.infra;

import ai.iceos.contracts.messaging.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The whole of iceOS on one machine: PostgreSQL, a KRaft Kafka broker with every topic, and the
 * chosen services as separate JVMs. Used by {@code infra/local/run} (through {@link
 * LocalSystemMain}) and by the system tests.
 *
 * <p>Shutdown order is services first, then Kafka, then PostgreSQL: stopping services and the
 * broker together leaves stale consumer-group members that delay the next start by a session
 * timeout. Every child also dies when this JVM is killed (broker parent watch, watchdogs).
 */
public final class LocalSystem implements AutoCloseable {
  private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(15);

  private final Path projectRoot;
  private final LocalPorts requestedPorts;
  private final Path dataDir;
  private final Set<Service> services;
  private final Map<Service, Map<String, String>> extraEnv;
  private final Duration readyTimeout;
  private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
  private final List<ServiceProcess> replicas = new ArrayList<>();
  private LocalPostgres postgres;
  private LocalKafka kafka;
  private Path logDir;
  private LocalPorts ports;
  private boolean stopRequested;

  private LocalSystem(Builder builder) {
    this.projectRoot = builder.projectRoot.toAbsolutePath().normalize();
    this.requestedPorts = builder.ports;
    this.dataDir = builder.dataDir == null ? null : builder.dataDir.toAbsolutePath().normalize();
    this.services = EnumSet.noneOf(Service.class);
    this.services.addAll(builder.services);
    this.extraEnv = Map.copyOf(builder.extraEnv);
    this.readyTimeout = builder.readyTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts everything and returns once every service answers {@code /q/health/ready}. On failure it
   * stops whatever it started and throws with the failing part's log tail. {@link #stop()} may be
   * called from another thread meanwhile (Ctrl-C during start-up); start then fails fast. A stopped
   * system cannot be started again.
   */
  public LocalSystem start() {
    services.forEach(service -> ServiceProcess.requirePackaged(projectRoot, service));
    requireFixedPortsFree();
    try {
      startInfra();
      List<ServiceProcess> started = new ArrayList<>();
      for (Service service : services) {
        started.add(startProcess(service));
      }
      started.forEach(process -> process.awaitReady(readyTimeout));
      return this;
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private synchronized ServiceProcess startProcess(Service service) {
    requireNotStopped();
    ServiceProcess process = newProcess(service, ports.service(service));
    processes.put(service, process);
    process.start();
    return process;
  }

  private void requireNotStopped() {
    if (stopRequested) {
      throw new IllegalStateException("the local system was stopped while starting");
    }
  }

  private void requireFixedPortsFree() {
    List<String> problems = new ArrayList<>();
    check(problems, "Kafka", requestedPorts.kafka(), LocalPorts.KAFKA_ENV);
    check(
        problems,
        "the Kafka controller",
        requestedPorts.kafkaController(),
        LocalPorts.KAFKA_CONTROLLER_ENV);
    check(problems, "PostgreSQL", requestedPorts.postgres(), LocalPorts.POSTGRES_ENV);
    for (Service service : services) {
      check(problems, service.moduleName(), requestedPorts.service(service), service.portEnv());
    }
    if (!problems.isEmpty()) {
      throw new Ports.PortTakenException(String.join("\n", problems));
    }
  }

  private static void check(List<String> problems, String what, int port, String env) {
    if (port != 0) {
      try {
        Ports.requireFree(what, port, env);
      } catch (Ports.PortTakenException e) {
        problems.add(e.getMessage());
      }
    }
  }

  private void startInfra() {
    try {
      Path base = dataDir == null ? Directories.createThrowAway("system") : dataDir;
      Path pgData = dataDir == null ? null : dataDir.resolve("postgres/data");
      Path kafkaData = dataDir == null ? null : dataDir.resolve("kafka");
      Path logs = Files.createDirectories(base.resolve("logs"));
      CompletableFuture<LocalKafka> startingKafka =
          CompletableFuture.supplyAsync(
              () ->
                  startKafka(
                      new LocalKafka.Settings(
                          requestedPorts.kafka(),
                          requestedPorts.kafkaController(),
                          kafkaData,
                          Duration.ofSeconds(120))));
      LocalPostgres startedPostgres;
      try {
        startedPostgres =
            LocalPostgres.start(new LocalPostgres.Settings(requestedPorts.postgres(), pgData));
      } catch (IOException | RuntimeException e) {
        startingKafka.thenAccept(LocalKafka::close);
        throw e;
      }
      LocalKafka startedKafka;
      try {
        startedKafka = startingKafka.join();
      } catch (RuntimeException e) {
        startedPostgres.close();
        throw e;
      }
      adoptInfra(logs, startedPostgres, startedKafka);
      KafkaTopics.createAll(startedKafka.bootstrapServers(), Topics.all());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes ownership of started infra, or closes it when stop() came first. */
  private synchronized void adoptInfra(
      Path logs, LocalPostgres startedPostgres, LocalKafka startedKafka) {
    if (stopRequested) {
      startedKafka.close();
      startedPostgres.close();
      requireNotStopped();
    }
    logDir = logs;
    postgres = startedPostgres;
    kafka = startedKafka;
    ports = resolvedServicePorts();
  }

  private static LocalKafka startKafka(LocalKafka.Settings settings) {
    try {
      return LocalKafka.start(settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LocalPorts resolvedServicePorts() {
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      ports.put(service, Ports.orFree(requestedPorts.service(service)));
    }
    return new LocalPorts(kafka.port(), 0, postgres.port(), ports);
  }

  private ServiceProcess newProcess(Service service, int port) {
    return new ServiceProcess(
        service,
        port,
        projectRoot,
        logDir.resolve(service.moduleName() + ".log"),
        envFor(service, port));
  }

  private Map<String, String> envFor(Service service, int port) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USERNAME);
    env.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
    // Flyway's first JDBC connection at start-up: the 5 s default gave up on a loaded 2-core box.
    env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("ICEOS_GATEWAY_URL", gatewayUrl());
    env.putAll(extraEnv.getOrDefault(service, Map.of()));
    return env;
  }

  private String gatewayUrl() {
    return "http://127.0.0.1:" + ports.service(Service.LLM_GATEWAY);
  }

  /** Stops services (SIGTERM, SIGKILL after 15 s), then Kafka, then PostgreSQL. Idempotent. */
  public synchronized void stop() {
    stopRequested = true;
    List<CompletableFuture<Void>> stopping =
        processes.values().stream()
            .map(p -> CompletableFuture.runAsync(() -> p.stop(SERVICE_STOP_GRACE)))
            .toList();
    stopping.forEach(CompletableFuture::join);
    processes.clear();
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
    if (dataDir == null && logDir != null) {
      Directories.deleteQuietly(logDir.getParent());
      logDir = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Stops one service gracefully (SIGTERM); {@link #startService} brings it back on its port. */
  public void stopService(Service service) {
    process(service).stop(SERVICE_STOP_GRACE);
  }

  /** Kills one service with SIGKILL, as in a crash. */
  public void killService(Service service) {
    process(service).kill();
  }

  /** (Re)starts one service of this system on its port and waits until it is ready. */
  public void startService(Service service) {
    ServiceProcess process = process(service);
    process.start();
    process.awaitReady(readyTimeout);
  }

  /**
   * Starts one more instance of a service (another consumer in its group) on a free port, with its
   * own log file and the extra environment given, and waits until it is ready. It is stopped with
   * the system.
   */
  public synchronized Replica startReplica(Service service, Map<String, String> env) {
    requireNotStopped();
    process(service);
    int port = Ports.orFree(0);
    Map<String, String> replicaEnv = new HashMap<>(envFor(service, port));
    replicaEnv.putAll(env);
    String name = service.moduleName() + "-" + (replicas.size() + 2);
    ServiceProcess replica =
        new ServiceProcess(service, port, projectRoot, logDir.resolve(name + ".log"), replicaEnv);
    replicas.add(replica);
    replica.start();
    replica.awaitReady(readyTimeout);
    return new Replica(replica);
  }

  public boolean isRunning(Service service) {
    return process(service).isRunning();
  }

  /** {@code http://127.0.0.1:<port>} of a started service. */
  public String baseUrl(Service service) {
    return "http://127.0.0.1:" + process(service).port();
  }

  public Path logFile(Service service) {
    return process(service).logFile();
  }

  public String kafkaBootstrap() {
    return requireStarted(kafka, "Kafka").bootstrapServers();
  }

  public String postgresJdbcUrl() {
    return requireStarted(postgres, "PostgreSQL").jdbcUrl();
  }

  public Path logDir() {
    return logDir;
  }

  public Path kafkaLogFile() {
    return requireStarted(kafka, "Kafka").logFile();
  }

  /** The started services and their base URLs, in {@link Service} order. */
  public synchronized Map<Service, String> serviceUrls() {
    Map<Service, String> urls = new LinkedHashMap<>();
    processes.keySet().forEach(service -> urls.put(service, baseUrl(service)));
    return urls;
  }

  private synchronized ServiceProcess process(Service service) {
    ServiceProcess process = processes.get(service);
    if (process == null) {
      throw new IllegalStateException(service + " is not part of this started system");
    }
    return process;
  }

  private static <T> T requireStarted(T part, String name) {
    if (part == null) {
      throw new IllegalStateException(name + " is not running");
    }
    return part;
  }

  /** How to run the system. */
  public static final class Builder {
    private Path projectRoot = Path.of("").toAbsolutePath();
    private LocalPorts ports = LocalPorts.defaults();
    private Path dataDir;
    private final Set<Service> services = EnumSet.allOf(Service.class);
    private final Map<Service, Map<String, String>> extraEnv = new EnumMap<>(Service.class);
    private Duration readyTimeout = defaultReadyTimeout();

    private Builder() {}

    /**
     * 300 s, or {@code ICEOS_READY_TIMEOUT_SECONDS}: a service starts in seconds on an idle
     * machine, but a shared 2-core machine under a parallel build can take minutes, and giving up
     * early there only turns a slow start into a failed one.
     */
    private static Duration defaultReadyTimeout() {
      String configured = System.getenv("ICEOS_READY_TIMEOUT_SECONDS");
      return Duration.ofSeconds(
          configured == null || configured.isBlank() ? 300 : Long.parseLong(configured.trim()));
    }

    /** The repository root, under which {@code <service>/target/quarkus-app} is looked up. */
    public Builder projectRoot(Path projectRoot) {
      this.projectRoot = projectRoot;
      return this;
    }

    /** Fixed ports (default: {@link LocalPorts#defaults()}). */
    public Builder ports(LocalPorts ports) {
      this.ports = ports;
      return this;
    }

    /** Every port ephemeral, for tests. */
    public Builder ephemeralPorts() {
      return ports(LocalPorts.ephemeral());
    }

    /** Persistent data (postgres, kafka, logs) under this directory; default: throw-away. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Which services to start (default: all five; none for infra only). */
    public Builder services(Set<Service> services) {
      this.services.clear();
      this.services.addAll(services);
      return this;
    }

    public Builder services(Service... services) {
      return services(Set.of(services));
    }

    /** Extra environment for one service, on top of the standard variables. */
    public Builder env(Service service, Map<String, String> env) {
      extraEnv.merge(
          service,
          Map.copyOf(env),
          (a, b) -> {
            Map<String, String> merged = new HashMap<>(a);
            merged.putAll(b);
            return Map.copyOf(merged);
          });
      return this;
    }

    /** How long each service may take to become ready (default: see {@link Builder}). */
    public Builder readyTimeout(Duration readyTimeout) {
      this.readyTimeout = readyTimeout;
      return this;
    }

    public LocalSystem build() {
      return new LocalSystem(this);
    }
  }
}
