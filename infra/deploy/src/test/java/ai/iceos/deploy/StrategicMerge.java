package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Strategic-merge patching for the fields {@code infra/k8s} patches: maps merge key by key, a null
 * value removes its key, and the Kubernetes lists keyed by {@code name} (containers, env, volumes,
 * ports …) merge element by element. For custom resources ({@code jsonMerge}) every list is
 * replaced, as Kustomize does for kinds it has no schema for.
 */
final class StrategicMerge {
  private static final Set<String> MERGED_BY_NAME =
      Set.of("containers", "initContainers", "env", "volumes", "volumeMounts", "ports");

  private StrategicMerge() {}

  static void merge(Map<String, Object> target, Map<String, Object> patch, boolean jsonMerge) {
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Object current = target.get(key);
      if (value == null) {
        target.remove(key);
      } else if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
        merge(map(current), map(value), jsonMerge);
      } else if (value instanceof List<?>
          && current instanceof List<?>
          && !jsonMerge
          && MERGED_BY_NAME.contains(key)) {
        target.put(key, mergeByName(list(current), list(value), jsonMerge));
      } else {
        target.put(key, value);
      }
    }
  }

  private static List<Object> mergeByName(List<Object> current, List<Object> patch, boolean json) {
    List<Object> merged = new ArrayList<>(current);
    for (Object element : patch) {
      Object name = map(element).get("name");
      Map<String, Object> existing =
          merged.stream()
              .map(Manifests::map)
              .filter(e -> name != null && Objects.equals(e.get("name"), name))
              .findFirst()
              .orElse(null);
      if (existing == null) {
        merged.add(element);
      } else {
        merge(existing, map(element), json);
      }
    }
    return merged;
  }
}
