package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.at;
import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
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
    String group =
        WORKER
            .properties()
            .getProperty(
                "mp.messaging.incoming.node-tasks.group.id",
                WORKER.property("quarkus.application.name"));

    assertThat(trigger.get("consumerGroup")).isEqualTo(group).isEqualTo("node-worker");
    assertThat(trigger.get("topic"))
        .isEqualTo(WORKER.property("mp.messaging.incoming.node-tasks.topic"))
        .isEqualTo(Topics.NODE_TASKS);
    assertThat(at(scaledObject(overlay), "spec", "scaleTargetRef", "name")).contains("node-worker");
    assertThat(overlay.container("node-worker").get("name")).isEqualTo("node-worker");
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
    int partitions =
        Integer.parseInt(overlay.data("ConfigMap", "kafka-topics").get("PARTITIONS").toString());
    int min = (Integer) spec.get("minReplicaCount");
    int max = (Integer) spec.get("maxReplicaCount");

    assertThat(overlay.topics()).contains(Topics.NODE_TASKS);
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
