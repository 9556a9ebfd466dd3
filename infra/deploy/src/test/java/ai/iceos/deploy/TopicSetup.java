package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.at;
import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a deployment creates the Kafka topics: the variables of its topic step (compose's {@code
 * kafka-init}, Kubernetes' {@code kafka-topics} Job and ConfigMap) and the shell script it runs.
 *
 * @param name where it comes from, for test names
 * @param topics {@code TOPICS}: created with the broker's default cleanup policy
 * @param compacted {@code COMPACTED_TOPICS}: created with {@code cleanup.policy=compact}
 * @param partitions {@code PARTITIONS}
 * @param environment every variable the script gets
 * @param script the script, as the shell sees it (compose's {@code $$} already unescaped)
 */
record TopicSetup(
    String name,
    List<String> topics,
    List<String> compacted,
    int partitions,
    Map<String, String> environment,
    String script) {

  static TopicSetup compose() {
    Map<String, Object> service =
        map(
            at(
                    Manifests.readOne(RepoPaths.resolve("infra/compose/docker-compose.yaml")),
                    "services",
                    "kafka-init")
                .orElseThrow(() -> new AssertionError("compose: no kafka-init")));
    String script = list(service.get("command")).getFirst().toString().replace("$$", "$");
    return of("compose", stringMap(map(service.get("environment"))), script);
  }

  static TopicSetup of(Overlay overlay) {
    Map<String, Object> job = overlay.get("Job", "kafka-topics");
    Map<String, Object> container =
        map(list(at(job, "spec", "template", "spec", "containers").orElseThrow()).getFirst());
    String script = list(container.get("command")).getLast().toString();
    return of(
        "k8s " + overlay.name(), stringMap(overlay.data("ConfigMap", "kafka-topics")), script);
  }

  private static TopicSetup of(String name, Map<String, String> environment, String script) {
    return new TopicSetup(
        name,
        words(environment.get("TOPICS")),
        words(environment.get("COMPACTED_TOPICS")),
        Integer.parseInt(environment.getOrDefault("PARTITIONS", "0")),
        environment,
        script);
  }

  private static List<String> words(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  private static Map<String, String> stringMap(Map<String, Object> values) {
    return values.entrySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
  }

  @Override
  public String toString() {
    return name;
  }
}
