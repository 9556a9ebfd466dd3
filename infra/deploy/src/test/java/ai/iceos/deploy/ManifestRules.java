package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.at;
import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the API server and KEDA reject although the OpenAPI schema allows it (the schema leaves
 * these fields optional because the same types serve partial updates and templates), and what
 * breaks a workload at run time: a resource without a name, a container without an image, a
 * selector that does not select its own pods, a probe on a port the container does not declare,
 * Kafka scaler metadata KEDA cannot use.
 */
final class ManifestRules {
  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  private ManifestRules() {}

  static List<String> problems(Map<String, Object> manifest) {
    List<String> problems = new ArrayList<>();
    if (Manifests.name(manifest).isBlank()) {
      problems.add("/metadata/name: required");
    }
    String kind = Manifests.kind(manifest);
    if (WORKLOADS.contains(kind)) {
      String templatePath =
          kind.equals("CronJob") ? "/spec/jobTemplate/spec/template" : "/spec/template";
      Map<String, Object> template = map(at(manifest, keys(templatePath)).orElse(null));
      if (!kind.equals("Job") && !kind.equals("CronJob")) {
        selector(manifest, template).ifPresent(problems::add);
      }
      containers(template, templatePath, problems);
    }
    if (kind.equals("ScaledObject")) {
      kafkaTriggers(manifest, problems);
    }
    return problems;
  }

  private static Optional<String> selector(
      Map<String, Object> workload, Map<String, Object> template) {
    Map<String, Object> selector =
        map(at(workload, "spec", "selector", "matchLabels").orElse(null));
    Map<String, Object> labels = map(at(template, "metadata", "labels").orElse(null));
    if (selector.isEmpty() || !labels.entrySet().containsAll(selector.entrySet())) {
      return Optional.of("/spec/selector: does not select the pod template's labels " + labels);
    }
    return Optional.empty();
  }

  private static void containers(
      Map<String, Object> template, String templatePath, List<String> problems) {
    for (String field : List.of("initContainers", "containers")) {
      List<Object> containers = list(at(template, "spec", field).orElse(null));
      for (int i = 0; i < containers.size(); i++) {
        Map<String, Object> container = map(containers.get(i));
        String path = templatePath + "/spec/" + field + "/" + i;
        if (String.valueOf(container.getOrDefault("image", "")).isBlank()) {
          problems.add(path + "/image: required");
        }
        Set<String> ports = new HashSet<>();
        for (Object port : list(container.get("ports"))) {
          ports.add(String.valueOf(map(port).get("name")));
          ports.add(String.valueOf(map(port).get("containerPort")));
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          probePort(container, probe)
              .filter(port -> !ports.contains(port))
              .ifPresent(
                  port ->
                      problems.add(path + "/" + probe + ": probe port " + port + " undeclared"));
        }
      }
    }
  }

  private static Optional<String> probePort(Map<String, Object> container, String probe) {
    return at(container, probe, "httpGet", "port")
        .or(() -> at(container, probe, "tcpSocket", "port"))
        .or(() -> at(container, probe, "grpc", "port"))
        .map(String::valueOf);
  }

  private static void kafkaTriggers(Map<String, Object> scaledObject, List<String> problems) {
    List<Object> triggers = list(at(scaledObject, "spec", "triggers").orElse(null));
    for (int i = 0; i < triggers.size(); i++) {
      Map<String, Object> trigger = map(triggers.get(i));
      if ("kafka".equals(trigger.get("type"))) {
        String path = "/spec/triggers/" + i + "/metadata";
        ManifestValidator.problems(
                ManifestSchemas.kafkaScalerMetadata(),
                Manifests.YAML.valueToTree(trigger.getOrDefault("metadata", Map.of())))
            .forEach(problem -> problems.add(path + problem));
      }
    }
  }

  private static String[] keys(String pointer) {
    return pointer.substring(1).split("/");
  }
}
