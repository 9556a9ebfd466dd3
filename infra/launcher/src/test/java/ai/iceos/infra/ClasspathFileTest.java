package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathFileTest {

  @Test
  void shouldSplitOnThePathSeparatorIgnoringBlanksAndNewlines() {
    assertThat(ClasspathFile.parse("/m2/a.jar:/m2/b.jar::\n /m2/c.jar \n"))
        .containsExactly(Path.of("/m2/a.jar"), Path.of("/m2/b.jar"), Path.of("/m2/c.jar"));
    assertThat(ClasspathFile.parse("\n")).isEmpty();
  }

  @Test
  void shouldReadAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("launcher.classpath");
    Files.writeString(file, "/x/one.jar:/x/two.jar");

    assertThat(ClasspathFile.read(file))
        .containsExactly(Path.of("/x/one.jar"), Path.of("/x/two.jar"));
  }

  @Test
  void shouldLocateTheJarOrDirectoryHoldingAResource() throws Exception {
    assertThat(
            ClasspathFile.locationOf(
                URI.create("jar:file:/m2/kafka-broker-0.1.0.jar!/iceos-kafka-broker.classpath")
                    .toURL()))
        .isEqualTo(Path.of("/m2/kafka-broker-0.1.0.jar"));
    assertThat(
            ClasspathFile.locationOf(
                URI.create("file:/work/kafka-broker/target/classes/iceos-kafka-broker.classpath")
                    .toURL()))
        .isEqualTo(Path.of("/work/kafka-broker/target/classes"));
  }

  @Test
  void shouldFindTheBrokerClasspathWithTheBrokerJarFirst() {
    var classpath = ClasspathFile.brokerClasspath();

    assertThat(classpath.getFirst().toString()).contains("kafka-broker");
    assertThat(classpath).anySatisfy(p -> assertThat(p.toString()).contains("kafka_2.13-4.3.1"));
    assertThat(classpath).allSatisfy(p -> assertThat(p).exists());
  }
}
