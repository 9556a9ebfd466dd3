package ai.iceos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * A native image of any service needs reflection registered for every type Jackson or Kafka reaches
 * reflectively in contracts: records (message and blueprint types, nested ones included), enums,
 * sealed families (polymorphic Jackson), and the Kafka serdes (instantiated by class name). The
 * registrations ship inside the contracts jar, so this checks the compiled jar itself, as the
 * services' native builds see it, and that the check notices a missing entry.
 */
class NativeImageConfigTest {
  private static final String REFLECT_CONFIG =
      "META-INF/native-image/ai.iceos/contracts/reflect-config.json";
  private static final String RESOURCE_CONFIG =
      "META-INF/native-image/ai.iceos/contracts/resource-config.json";

  @Test
  void shouldRegisterEveryReflectivelyUsedContractsTypeInTheJar() {
    Set<String> needed = reflectivelyUsed(contractsClasses());

    assertThat(needed)
        .as("records, enums, sealed types and serdes of contracts")
        .hasSizeGreaterThan(20)
        .contains(Topics.class.getPackageName() + ".NodeTask");
    assertThat(missing(registered(), needed)).isEmpty();
  }

  @Test
  void shouldNoticeATypeMissingFromTheReflectionConfig() {
    Set<String> registered = new TreeSet<>(registered());
    String dropped = Topics.class.getPackageName() + ".NodeTask";
    registered.remove(dropped);

    assertThat(missing(registered, reflectivelyUsed(contractsClasses()))).containsExactly(dropped);
  }

  @Test
  void shouldIncludeEveryResourceOfTheContractsJarInTheNativeImage() {
    List<String> resources =
        contractsFiles().stream()
            .filter(f -> !f.endsWith(".class") && !f.startsWith("META-INF/"))
            .toList();

    assertThat(resources).isNotEmpty();
    assertThat(notIncluded(resourcePatterns(), resources)).isEmpty();
    assertThat(notIncluded(List.of(), resources)).containsExactlyElementsOf(resources);
  }

  @Test
  void shouldListTheTokenizerEncodingsInEveryServiceThatUsesThem() throws IOException {
    for (ServiceConfig service : ServiceConfig.all()) {
      if (!Files.readString(service.module().resolve("pom.xml")).contains("jtokkit")) {
        continue;
      }
      Path config =
          service
              .module()
              .resolve(
                  "src/main/resources/META-INF/native-image/ai.iceos/"
                      + service.name()
                      + "/resource-config.json");
      assertThat(config).as(service.name()).exists();
      assertThat(config).content().contains("com/knuddels/jtokkit/");
    }
  }

  static Set<String> missing(Set<String> registered, Set<String> needed) {
    Set<String> missing = new TreeSet<>(needed);
    missing.removeAll(registered);
    return missing;
  }

  /** Resources that no include pattern of resource-config.json matches. */
  static List<String> notIncluded(List<Pattern> patterns, List<String> resources) {
    return resources.stream()
        .filter(r -> patterns.stream().noneMatch(p -> p.matcher(r).matches()))
        .toList();
  }

  private static List<Pattern> resourcePatterns() {
    List<Pattern> patterns = new ArrayList<>();
    read(RESOURCE_CONFIG)
        .path("resources")
        .path("includes")
        .forEach(include -> patterns.add(Pattern.compile(include.get("pattern").asText())));
    return patterns;
  }

  /** Names registered in the contracts jar's reflect-config.json (read from the classpath). */
  static Set<String> registered() {
    Set<String> names = new TreeSet<>();
    read(REFLECT_CONFIG).forEach(entry -> names.add(entry.get("name").asText()));
    return names;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = Topics.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> reflectivelyUsed(List<Class<?>> classes) {
    Set<String> names = new TreeSet<>();
    for (Class<?> type : classes) {
      boolean serde =
          Serializer.class.isAssignableFrom(type) || Deserializer.class.isAssignableFrom(type);
      boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
      if (type.isRecord() || type.isEnum() || type.isSealed() || (serde && concrete)) {
        names.add(type.getName());
      }
    }
    return names;
  }

  /** Every named class of the contracts jar (or classes directory), nested ones included. */
  private static List<Class<?>> contractsClasses() {
    List<Class<?>> classes = new ArrayList<>();
    for (String file : contractsFiles()) {
      String name = file.replace('/', '.').replaceAll("\\.class$", "");
      if (!file.endsWith(".class") || name.endsWith("-info") || name.matches(".*\\$\\d.*")) {
        continue;
      }
      try {
        classes.add(Class.forName(name, false, Topics.class.getClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot load " + name, e);
      }
    }
    return classes;
  }

  /** Paths of every file in the contracts jar (or classes directory), relative to its root. */
  private static List<String> contractsFiles() {
    try {
      Path location =
          Path.of(Topics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return filesUnder(location);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return filesUnder(jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString())
          .sorted()
          .toList();
    }
  }
}
