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

  /** Names registered in the contracts jar's reflect-config.json (read from the classpath). */
  static Set<String> registered() {
    try (InputStream in = Topics.class.getClassLoader().getResourceAsStream(REFLECT_CONFIG)) {
      assertThat(in).as(REFLECT_CONFIG + " on the classpath").isNotNull();
      JsonNode config = new ObjectMapper().readTree(in);
      Set<String> names = new TreeSet<>();
      config.forEach(entry -> names.add(entry.get("name").asText()));
      return names;
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
    try {
      Path location =
          Path.of(Topics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return classesUnder(location);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return classesUnder(jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Class<?>> classesUnder(Path root) throws IOException {
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.endsWith("module-info")
            || name.endsWith("package-info")
            || name.matches(".*\\$\\d.*")) {
          continue;
        }
        try {
          classes.add(Class.forName(name, false, Topics.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("cannot load " + name, e);
        }
      }
    }
    return classes;
  }
}
