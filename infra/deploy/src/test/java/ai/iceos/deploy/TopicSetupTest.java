package ai.iceos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compose and every overlay create exactly the topics of {@link Topics} (the catalog topics of
 * {@link Topics#compacted()} compacted), as the local launcher's {@code KafkaTopics} does: checked
 * on the variables, and by running the deployments' own topic script against a stand-in for {@code
 * kafka-topics.sh} that records its arguments.
 */
class TopicSetupTest {
  private static final String KAFKA_TOPICS = "/opt/kafka/bin/kafka-topics.sh";

  static Stream<TopicSetup> setups() {
    return Stream.concat(
        Stream.of(TopicSetup.compose()), Overlay.all().stream().map(TopicSetup::of));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void shouldNameExactlyTheContractTopics(TopicSetup setup) {
    List<String> plain =
        Topics.all().stream().filter(t -> !Topics.compacted().contains(t)).toList();
    assertThat(setup.topics())
        .as("TOPICS of %s; expected: %s", setup, String.join(" ", plain))
        .containsExactlyInAnyOrderElementsOf(plain);
    assertThat(setup.compacted())
        .as("COMPACTED_TOPICS of %s", setup)
        .containsExactlyInAnyOrderElementsOf(Topics.compacted());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void shouldCreateEveryTopicOnceCompactingTheCatalogs(TopicSetup setup, @TempDir Path dir)
      throws Exception {
    // when
    List<List<String>> calls = run(setup, dir);
    // then
    Map<String, List<String>> byTopic = new TreeMap<>();
    for (List<String> call : calls) {
      assertThat(call)
          .contains("--create", "--if-not-exists")
          .containsSequence(
              "--bootstrap-server", setup.environment().get("KAFKA_BOOTSTRAP_SERVERS"))
          .containsSequence("--partitions", String.valueOf(setup.partitions()))
          .containsSequence("--replication-factor", setup.environment().get("REPLICATION_FACTOR"))
          .contains("max.message.bytes=" + Topics.MAX_MESSAGE_BYTES);
      String topic = call.get(call.indexOf("--topic") + 1);
      assertThat(byTopic.put(topic, call)).as("%s created twice", topic).isNull();
    }
    assertThat(byTopic.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all());
    byTopic.forEach(
        (topic, call) -> {
          boolean compact = call.contains("cleanup.policy=compact");
          assertThat(compact).as(topic).isEqualTo(Topics.compacted().contains(topic));
        });
  }

  @Test
  void shouldLetEveryServiceSendRecordsAsLargeAsTheTopicsAccept() {
    ServiceConfig.all()
        .forEach(
            service ->
                assertThat(service.properties().getProperty("kafka.max.request.size"))
                    .as("kafka.max.request.size of %s", service.name())
                    .isEqualTo(String.valueOf(Topics.MAX_MESSAGE_BYTES)));
  }

  @Test
  void shouldRunTheSameTopicScriptInComposeAndKubernetes() {
    String compose = TopicSetup.compose().script().strip();
    Overlay.all().forEach(o -> assertThat(TopicSetup.of(o).script().strip()).isEqualTo(compose));
  }

  @Test
  void shouldUseTheLaunchersPartitionCountOnOneHostAndLocally() throws IOException {
    Matcher launcher =
        Pattern.compile("int PARTITIONS = (\\d+);")
            .matcher(
                Files.readString(
                    RepoPaths.resolve(
                        "infra/launcher/src/main/java/ai/iceos/infra/KafkaTopics.java")));
    assertThat(launcher.find()).as("KafkaTopics.PARTITIONS").isTrue();
    int partitions = Integer.parseInt(launcher.group(1));

    assertThat(TopicSetup.compose().partitions()).isEqualTo(partitions);
    Overlay local =
        Overlay.all().stream().filter(o -> o.name().equals("local")).findFirst().orElseThrow();
    assertThat(TopicSetup.of(local).partitions()).isEqualTo(partitions);
  }

  /** Runs the setup's script with bash, each kafka-topics.sh call recorded as its arguments. */
  private static List<List<String>> run(TopicSetup setup, Path dir) throws Exception {
    Path log = dir.resolve("calls");
    Path stub = dir.resolve("kafka-topics.sh");
    Files.writeString(stub, "#!/bin/sh\nprintf '%s\\t' \"$@\" >> \"$CALLS\"\necho >> \"$CALLS\"\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
    assertThat(setup.script()).contains(KAFKA_TOPICS);
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-ec", setup.script().replace(KAFKA_TOPICS, stub.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("output").toFile());
    bash.environment().putAll(setup.environment());
    bash.environment().put("CALLS", log.toString());
    Process process = bash.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("output"))).isZero();
    List<List<String>> calls = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      calls.add(Arrays.asList(line.split("\t")));
    }
    return calls;
  }
}
