package ai.iceos.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rules within one workload that the API server would accept but that break it at run time: a
 * selector that does not select its own pods, a probe on a port the container does not declare.
 */
final class ManifestRules {
  private ManifestRules() {}

  static List<String> problems(Object model) {
    if (!(model instanceof Deployment deployment)) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    if (deployment.getSpec() == null
        || deployment.getSpec().getSelector() == null
        || deployment.getSpec().getTemplate() == null) {
      return List.of("/spec: selector and template are required");
    }
    PodTemplateSpec template = deployment.getSpec().getTemplate();
    Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
    Map<String, String> labels =
        template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels();
    if (selector == null
        || selector.isEmpty()
        || labels == null
        || !labels.entrySet().containsAll(selector.entrySet())) {
      problems.add("/spec/selector: does not select the pod template's labels " + labels);
    }
    for (Container container : template.getSpec().getContainers()) {
      Set<String> ports =
          container.getPorts().stream()
              .flatMap(p -> Stream.of(p.getName(), String.valueOf(p.getContainerPort())))
              .collect(Collectors.toSet());
      Stream.of(
              container.getStartupProbe(),
              container.getLivenessProbe(),
              container.getReadinessProbe())
          .map(ManifestRules::httpPort)
          .filter(port -> port != null && !ports.contains(port))
          .forEach(
              port ->
                  problems.add(
                      "container " + container.getName() + ": probe port " + port + " undeclared"));
    }
    return problems;
  }

  private static String httpPort(Probe probe) {
    if (probe == null || probe.getHttpGet() == null || probe.getHttpGet().getPort() == null) {
      return null;
    }
    var port = probe.getHttpGet().getPort();
    return port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
  }

  /** Declared container ports of a deployment, for cross-checks. */
  static List<ContainerPort> ports(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .flatMap(c -> c.getPorts().stream())
        .toList();
  }
}
