package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.at;
import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A rendered Kustomize overlay of {@code infra/k8s/overlays} and lookups into it. */
record Overlay(
    String name,
    String namespace,
    Set<String> externalSecrets,
    List<Map<String, Object>> resources) {
  /**
   * The overlays. Production's database Secrets are made by the operator (docs/deploy.md), so they
   * are expected to be missing from its rendering, and only those.
   */
  static List<Overlay> all() {
    return List.of(
        render("local", "iceos-local", Set.of()),
        render(
            "production",
            "iceos",
            Set.of("blueprint-service-db", "scheduler-service-db", "llm-gateway-db")));
  }

  static Overlay render(String name, String namespace, Set<String> externalSecrets) {
    Path dir = RepoPaths.resolve("infra/k8s/overlays/" + name);
    return new Overlay(name, namespace, externalSecrets, KustomizeBuild.render(dir));
  }

  Path dir() {
    return RepoPaths.resolve("infra/k8s/overlays/" + name);
  }

  Optional<Map<String, Object>> find(String kind, String resourceName) {
    return resources.stream()
        .filter(r -> Manifests.kind(r).equals(kind) && Manifests.name(r).equals(resourceName))
        .findFirst();
  }

  Map<String, Object> get(String kind, String resourceName) {
    return find(kind, resourceName)
        .orElseThrow(() -> new AssertionError(name + ": no " + kind + "/" + resourceName));
  }

  /** The data of a ConfigMap (or the decoded keys of a Secret) named {@code resourceName}. */
  Map<String, Object> data(String kind, String resourceName) {
    return map(get(kind, resourceName).get("data"));
  }

  /** The first container of a Deployment. */
  Map<String, Object> container(String deployment) {
    return map(
        list(at(get("Deployment", deployment), "spec", "template", "spec", "containers")
                .orElseThrow())
            .getFirst());
  }

  @Override
  public String toString() {
    return name;
  }
}
