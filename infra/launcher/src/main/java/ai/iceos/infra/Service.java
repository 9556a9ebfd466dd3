package ai.iceos.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five iceOS services, each a Quarkus fast-jar from the module of the same name. */
public enum Service {
  BLUEPRINT_SERVICE("blueprint-service", 8080),
  COMPILER_SERVICE("compiler-service", 8081),
  SCHEDULER_SERVICE("scheduler-service", 8082),
  NODE_WORKER("node-worker", 8083),
  LLM_GATEWAY("llm-gateway", 8090);

  private final String moduleName;
  private final int defaultPort;

  Service(String moduleName, int defaultPort) {
    this.moduleName = moduleName;
    this.defaultPort = defaultPort;
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
