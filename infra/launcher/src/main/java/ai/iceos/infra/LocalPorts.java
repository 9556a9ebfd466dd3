package ai.iceos.infra;

import java.util.EnumMap;
import java.util.Map;

/**
 * Ports of the local system; 0 means "pick a free one at start" (tests). Fixed ports are checked
 * before anything starts, so a taken port fails fast with the variable that moves it.
 */
public record LocalPorts(
    int kafka, int kafkaController, int postgres, Map<Service, Integer> services) {
  public static final String KAFKA_ENV = "KAFKA_PORT";
  public static final String KAFKA_CONTROLLER_ENV = "KAFKA_CONTROLLER_PORT";
  public static final String POSTGRES_ENV = "POSTGRES_PORT";

  public LocalPorts {
    EnumMap<Service, Integer> all = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      all.put(service, services.getOrDefault(service, service.defaultPort()));
    }
    services = Map.copyOf(all);
  }

  /** The documented ports: Kafka 29092/29093, PostgreSQL 25432, services 8080–8083 and 8090. */
  public static LocalPorts defaults() {
    return fromEnv(Map.of());
  }

  /** Every port ephemeral. */
  public static LocalPorts ephemeral() {
    EnumMap<Service, Integer> services = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      services.put(service, 0);
    }
    return new LocalPorts(0, 0, 0, services);
  }

  /**
   * The defaults, each overridable by its variable ({@code KAFKA_PORT}, {@code …_PORT}); {@code 0}
   * picks a free port.
   */
  public static LocalPorts fromEnv(Map<String, String> env) {
    EnumMap<Service, Integer> services = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      services.put(service, port(env, service.portEnv(), service.defaultPort()));
    }
    return new LocalPorts(
        port(env, KAFKA_ENV, 29092),
        port(env, KAFKA_CONTROLLER_ENV, 29093),
        port(env, POSTGRES_ENV, 25432),
        services);
  }

  public int service(Service service) {
    return services.get(service);
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + "=" + value + " is not a port (1-65535, or 0 for any free port)");
    }
  }
}
