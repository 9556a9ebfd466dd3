package ai.iceos.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A classpath written by {@code maven-dependency-plugin:build-classpath}: absolute paths joined by
 * the platform path separator. The broker's classpath travels this way so that no Kafka server jar
 * ever lands on a service's or a test's classpath.
 */
public final class ClasspathFile {
  /** Resource in the kafka-broker jar holding the broker JVM's resolved runtime classpath. */
  static final String BROKER_RESOURCE = "iceos-kafka-broker.classpath";

  /** The broker's main class, in the kafka-broker jar. */
  static final String BROKER_MAIN = "ai.iceos.infra.kafka.LocalKafkaMain";

  private ClasspathFile() {}

  /** Splits a classpath file's text into entries, ignoring blanks and surrounding whitespace. */
  public static List<Path> parse(String text) {
    return Arrays.stream(text.strip().split(java.io.File.pathSeparator))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .map(Path::of)
        .toList();
  }

  /** Reads and parses a classpath file. */
  public static List<Path> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * The full classpath of the broker JVM: the kafka-broker jar itself (found through its resource)
   * followed by the jars listed in its classpath resource. Fails with a clear message when a listed
   * jar is missing (a cleaned local Maven repository).
   */
  static List<Path> brokerClasspath() {
    ClassLoader loader = ClasspathFile.class.getClassLoader();
    URL resource = loader.getResource(BROKER_RESOURCE);
    if (resource == null) {
      throw new IllegalStateException(
          BROKER_RESOURCE
              + " not found on the classpath: add ai.iceos:kafka-broker (with exclusions *:*)");
    }
    List<Path> jars;
    try (InputStream in = resource.openStream()) {
      jars = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    List<Path> missing = jars.stream().filter(jar -> !Files.exists(jar)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "the Kafka broker classpath names missing jars, e.g. "
              + missing.getFirst()
              + "; rebuild infra/kafka-broker (./mvnw -B install -pl infra/kafka-broker)");
    }
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(locationOf(resource)), jars.stream())
        .toList();
  }

  /** The jar or class directory that holds {@code resource}. */
  static Path locationOf(URL resource) {
    String url = resource.toString();
    try {
      if (url.startsWith("jar:")) {
        String jar = url.substring("jar:".length(), url.indexOf("!/"));
        return Path.of(new java.net.URI(jar));
      }
      if (url.startsWith("file:")) {
        Path file = Path.of(resource.toURI());
        return file.getParent();
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unexpected resource URL " + url, e);
    }
    throw new IllegalStateException("cannot locate the kafka-broker jar from " + url);
  }
}
