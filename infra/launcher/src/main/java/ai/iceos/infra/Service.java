package ai.iceos.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five iceOS services, each a Quarkus fast-jar from the module of the same name. */
public enum Service {
  BLUEPRINT_SERVICE("blueprint-service", 8080),
  COMPILER_SERVICE("compiler-service", 8081),
  SCHEDULER_SERVICE("scheduler-service", 8082),
  NODE_WORKER("node-worker", 8083),
  /**
   * The Parallel collector: with a 256 MB heap G1's marking cycles and mixed pauses (median 12 ms)
   * set the gateway's p99; Parallel's young pauses are 3–5 ms with no full collection after start
   * (decision 0145).
   */
  LLM_GATEWAY("llm-gateway", 8090, "-XX:+UseParallelGC");

  private final String moduleName;
  private final int defaultPort;
  private final List<String> jvmOptions;

  Service(String moduleName, int defaultPort, String... jvmOptions) {
    this.moduleName = moduleName;
    this.defaultPort = defaultPort;
    this.jvmOptions = List.of(jvmOptions);
  }

  /** JVM options of the service beyond the heap size (also set in its k8s and compose config). */
  public List<String> jvmOptions() {
    return jvmOptions;
  }

  /** The Maven module and process name, e.g. {@code blueprint-service}. */
  public String moduleName() {
    return moduleName;
  }

  /** The local launcher's port (docs/architecture.md). */
  public int defaultPort() {
    return defaultPort;
  }

  /** The environment variable overriding the port, e.g. {@code BLUEPRINT_SERVICE_PORT}. */
  public String portEnv() {
    return moduleName.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
  }

  /** The service whose module name is {@code name}. */
  public static Service byName(String name) {
    return Arrays.stream(values())
        .filter(service -> service.moduleName.equals(name.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown service '"
                        + name
                        + "'; known: "
                        + Arrays.stream(values())
                            .map(Service::moduleName)
                            .collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return moduleName;
  }
}
