package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.at;
import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KEDA ScaledObject watches what node-worker actually consumes, in every overlay. */
class NodeWorkerScalingTest {
  private static final ServiceConfig WORKER = ServiceConfig.of("node-worker");

  static Stream<Overlay> overlays() {
    return Overlay.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldScaleOnTheLagOfNodeWorkersGroupOnTheTaskTopic(Overlay overlay) {
    Map<String, Object> trigger = kafkaTrigger(overlay);
    String channel = taskChannel();

    assertThat(trigger.get("topic"))
        .isEqualTo(WORKER.property("mp.messaging.incoming." + channel + ".topic"))
        .isEqualTo(Topics.NODE_TASKS);
    assertThat(trigger.get("consumerGroup")).isEqualTo(groupId(channel));
    assertThat(at(scaledObject(overlay), "spec", "scaleTargetRef", "name")).contains("node-worker");
    assertThat(overlay.container("node-worker").get("name")).isEqualTo("node-worker");
  }

  /** The one incoming channel of node-worker that reads the task topic. */
  private static String taskChannel() {
    List<String> channels =
        WORKER.properties().stringPropertyNames().stream()
            .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic"))
            .filter(k -> WORKER.property(k).equals(Topics.NODE_TASKS))
            .map(
                k -> k.substring("mp.messaging.incoming.".length(), k.length() - ".topic".length()))
            .toList();
    assertThat(channels).as("node-worker channels reading %s", Topics.NODE_TASKS).hasSize(1);
    return channels.getFirst();
  }

  /**
   * The consumer group of a channel as SmallRye Kafka resolves it: the channel's {@code group.id},
   * else the connector-wide {@code kafka.group.id}, else {@code quarkus.application.name}.
   */
  private static String groupId(String channel) {
    String group =
        WORKER
            .properties()
            .getProperty(
                "mp.messaging.incoming." + channel + ".group.id",
                WORKER
                    .properties()
                    .getProperty("kafka.group.id", WORKER.property("quarkus.application.name")));
    assertThat(group).as("node-worker's task consumer group").isNotBlank().doesNotContain("${");
    return group;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldReadTheBrokerFromNodeWorkersOwnEnvironment(Overlay overlay) {
    String env = kafkaTrigger(overlay).get("bootstrapServersFromEnv").toString();
    assertThat(overlay.data("ConfigMap", "node-worker")).containsKey(env);
    assertThat(WORKER.reads(env)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldCapReplicasAtThePartitionCountOfTheTaskTopic(Overlay overlay) {
    Map<String, Object> spec = map(scaledObject(overlay).get("spec"));
    TopicSetup topics = TopicSetup.of(overlay);
    int partitions = topics.partitions();
    int min = (Integer) spec.get("minReplicaCount");
    int max = (Integer) spec.get("maxReplicaCount");

    assertThat(topics.topics()).contains(Topics.NODE_TASKS);
    assertThat(max)
        .as("maxReplicaCount = partitions of %s", Topics.NODE_TASKS)
        .isEqualTo(partitions);
    assertThat(min).isBetween(1, max);
    assertThat(kafkaTrigger(overlay).get("allowIdleConsumers")).isEqualTo("false");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldAddOneReplicaPerWorkersWorthOfOutstandingTasks(Overlay overlay) {
    assertThat(kafkaTrigger(overlay).get("lagThreshold"))
        .isEqualTo(WORKER.property("iceos.worker.max-concurrent-tasks"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldLeaveTheReplicaCountToKeda(Overlay overlay) {
    assertThat(at(overlay.get("Deployment", "node-worker"), "spec", "replicas")).isEmpty();
  }

  private static Map<String, Object> scaledObject(Overlay overlay) {
    return overlay.get("ScaledObject", "node-worker");
  }

  private static Map<String, Object> kafkaTrigger(Overlay overlay) {
    return list(at(scaledObject(overlay), "spec", "triggers").orElseThrow()).stream()
        .map(Manifests::map)
        .filter(t -> "kafka".equals(t.get("type")))
        .map(t -> map(t.get("metadata")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(overlay + ": no kafka trigger"));
  }
}
