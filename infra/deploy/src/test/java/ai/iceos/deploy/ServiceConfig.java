package ai.iceos.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One service's own configuration, as its module declares it: {@code application.properties}, its
 * pom and its sources. Deployment files are checked against this, never the other way round.
 */
record ServiceConfig(String name, Properties properties, String rawProperties, Path module) {
  /** The five services, each a Quarkus module of the same name. */
  static final List<String> NAMES =
      List.of(
          "blueprint-service",
          "compiler-service",
          "scheduler-service",
          "node-worker",
          "llm-gateway");

  /** Variables read by the images' run-java.sh (ubi openjdk runtime), not by Quarkus. */
  private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND");

  static List<ServiceConfig> all() {
    return NAMES.stream().map(ServiceConfig::of).toList();
  }

  static ServiceConfig of(String name) {
    Path module = RepoPaths.resolve(name);
    Path file = module.resolve("src/main/resources/application.properties");
    try (Reader reader = Files.newBufferedReader(file)) {
      Properties properties = new Properties();
      properties.load(reader);
      return new ServiceConfig(name, properties, Files.readString(file), module);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  int httpPort() {
    return Integer.parseInt(properties.getProperty("quarkus.http.port"));
  }

  boolean hasDatasource() {
    return properties.containsKey("quarkus.datasource.db-kind");
  }

  /** The database name of a PostgreSQL URL, reactive or JDBC ({@code ...://host:port/name}). */
  static String database(String url) {
    return url.replaceFirst("^.*://[^/]+/", "").replaceFirst("[?].*$", "");
  }

  /** Every topic the service's channels name, dead-letter topics included. */
  Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
        topics.add(properties.getProperty(key));
      }
    }
    return topics;
  }

  String property(String key) {
    return properties.getProperty(key);
  }

  /**
   * Whether the service reads environment variable {@code env}: it maps (Quarkus' env rule) onto a
   * key of application.properties, the properties reference it as {@code ${env}}, it is a Quarkus
   * key of an extension in the pom, a {@code @ConfigMapping} key shape of the sources, or a
   * variable of the image's launcher.
   */
  boolean reads(String env) {
    if (IMAGE_VARIABLES.contains(env) || rawProperties.contains("${" + env)) {
      return true;
    }
    boolean inProperties =
        properties.stringPropertyNames().stream()
            .filter(key -> !key.startsWith("%"))
            .anyMatch(key -> toEnv(key).equals(env));
    if (inProperties) {
      return true;
    }
    if (env.startsWith("QUARKUS_OTEL_")) {
      return pom().contains("<artifactId>quarkus-opentelemetry</artifactId>");
    }
    if (env.matches("ICEOS_GATEWAY_PROVIDERS_[A-Z0-9]+_API_KEY")) {
      return sources()
          .anyMatch(
              s ->
                  s.contains("@ConfigMapping(prefix = \"iceos.gateway\")")
                      && s.contains("providers()")
                      && s.contains("apiKey()"));
    }
    return false;
  }

  /** Quarkus' environment-variable form of a property key. */
  static String toEnv(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private String pom() {
    try {
      return Files.readString(module.resolve("pom.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Stream<String> sources() {
    try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(ServiceConfig::read)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
