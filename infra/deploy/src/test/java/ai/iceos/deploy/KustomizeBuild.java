package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kustomize build} for the subset of Kustomize that {@code infra/k8s} uses: resources (files
 * and directories), namespace, labels (metadata only), images, replicas, strategic-merge patches by
 * path, and secret/configMap generators with literals and no name hash. Any other field fails the
 * build, so a manifest can never rely on something this renderer silently skips; where {@code
 * kubectl} is installed, {@code KustomizeOverlaysTest} checks both render the same.
 */
final class KustomizeBuild {
  private static final Set<String> SUPPORTED =
      Set.of(
          "apiVersion",
          "kind",
          "resources",
          "namespace",
          "labels",
          "images",
          "replicas",
          "patches",
          "secretGenerator",
          "configMapGenerator",
          "generatorOptions");
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");

  private KustomizeBuild() {}

  /** Renders the kustomization in {@code dir} into its list of resources. */
  static List<Map<String, Object>> render(Path dir) {
    Map<String, Object> kustomization = Manifests.readOne(dir.resolve("kustomization.yaml"));
    for (String field : kustomization.keySet()) {
      if (!SUPPORTED.contains(field)) {
        throw new IllegalArgumentException(
            dir + "/kustomization.yaml: field '" + field + "' is not supported by KustomizeBuild");
      }
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Object entry : list(kustomization.get("resources"))) {
      Path path = dir.resolve(entry.toString()).normalize();
      resources.addAll(Files.isDirectory(path) ? render(path) : Manifests.read(path));
    }
    resources.addAll(generate(kustomization, "secretGenerator", dir));
    resources.addAll(generate(kustomization, "configMapGenerator", dir));
    for (Object patch : list(kustomization.get("patches"))) {
      applyPatch(resources, dir.resolve(map(patch).get("path").toString()));
    }
    Object namespace = kustomization.get("namespace");
    if (namespace != null) {
      resources.stream()
          .filter(r -> !CLUSTER_SCOPED.contains(Manifests.kind(r)))
          .forEach(r -> metadata(r).put("namespace", namespace.toString()));
    }
    for (Object labels : list(kustomization.get("labels"))) {
      applyLabels(resources, map(labels));
    }
    for (Object image : list(kustomization.get("images"))) {
      resources.forEach(r -> setImage(r, map(image)));
    }
    for (Object replicas : list(kustomization.get("replicas"))) {
      setReplicas(resources, map(replicas));
    }
    return resources;
  }

  private static List<Map<String, Object>> generate(
      Map<String, Object> kustomization, String generator, Path dir) {
    List<Object> specs = list(kustomization.get(generator));
    boolean noHash =
        Boolean.TRUE.equals(
            map(kustomization.get("generatorOptions")).get("disableNameSuffixHash"));
    if (!specs.isEmpty() && !noHash) {
      throw new IllegalArgumentException(
          dir + ": " + generator + " needs generatorOptions.disableNameSuffixHash: true here");
    }
    List<Map<String, Object>> generated = new ArrayList<>();
    for (Object spec : specs) {
      Map<String, Object> fields = map(spec);
      if (!Set.of("name", "literals").containsAll(fields.keySet())) {
        throw new IllegalArgumentException(dir + ": unsupported " + generator + " " + fields);
      }
      boolean secret = generator.equals("secretGenerator");
      Map<String, Object> data = new LinkedHashMap<>();
      for (Object literal : list(fields.get("literals"))) {
        String[] pair = literal.toString().split("=", 2);
        data.put(
            pair[0],
            secret
                ? Base64.getEncoder().encodeToString(pair[1].getBytes(StandardCharsets.UTF_8))
                : pair[1]);
      }
      Map<String, Object> resource = new LinkedHashMap<>();
      resource.put("apiVersion", "v1");
      resource.put("kind", secret ? "Secret" : "ConfigMap");
      resource.put("metadata", new LinkedHashMap<>(Map.of("name", fields.get("name"))));
      if (secret) {
        resource.put("type", "Opaque");
      }
      resource.put("data", data);
      generated.add(resource);
    }
    return generated;
  }

  private static void applyPatch(List<Map<String, Object>> resources, Path patchFile) {
    Map<String, Object> patch = Manifests.readOne(patchFile);
    Map<String, Object> target =
        resources.stream()
            .filter(r -> Manifests.id(r).equals(Manifests.id(patch)))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        patchFile + ": no resource " + Manifests.id(patch) + " to patch"));
    StrategicMerge.merge(target, patch, Manifests.kind(target).equals("ScaledObject"));
  }

  private static void applyLabels(List<Map<String, Object>> resources, Map<String, Object> spec) {
    if (Boolean.TRUE.equals(spec.get("includeSelectors"))
        || Boolean.TRUE.equals(spec.get("includeTemplates"))) {
      throw new IllegalArgumentException("labels: only metadata labels are supported");
    }
    Map<String, Object> pairs = map(spec.get("pairs"));
    for (Map<String, Object> resource : resources) {
      Map<String, Object> labels =
          map(metadata(resource).computeIfAbsent("labels", k -> new LinkedHashMap<>()));
      labels.putAll(pairs);
    }
  }

  private static void setImage(Object node, Map<String, Object> image) {
    if (node instanceof Map<?, ?> raw) {
      Map<String, Object> fields = map(raw);
      for (Map.Entry<String, Object> entry : fields.entrySet()) {
        if (Set.of("containers", "initContainers").contains(entry.getKey())) {
          list(entry.getValue()).forEach(c -> retag(map(c), image));
        } else {
          setImage(entry.getValue(), image);
        }
      }
    } else if (node instanceof List<?> items) {
      items.forEach(item -> setImage(item, image));
    }
  }

  private static void retag(Map<String, Object> container, Map<String, Object> image) {
    String current = String.valueOf(container.get("image"));
    int colon = current.lastIndexOf(':');
    boolean tagged = colon > current.lastIndexOf('/');
    String name = tagged ? current.substring(0, colon) : current;
    if (!name.equals(image.get("name"))) {
      return;
    }
    String newName = String.valueOf(image.getOrDefault("newName", name));
    Object newTag = image.get("newTag");
    String tag = newTag != null ? ":" + newTag : tagged ? current.substring(colon) : "";
    container.put("image", newName + tag);
  }

  private static void setReplicas(List<Map<String, Object>> resources, Map<String, Object> spec) {
    resources.stream()
        .filter(r -> Set.of("Deployment", "StatefulSet").contains(Manifests.kind(r)))
        .filter(r -> Manifests.name(r).equals(spec.get("name")))
        .forEach(r -> map(r.get("spec")).put("replicas", spec.get("count")));
  }

  private static Map<String, Object> metadata(Map<String, Object> resource) {
    return map(resource.computeIfAbsent("metadata", k -> new LinkedHashMap<>()));
  }
}
