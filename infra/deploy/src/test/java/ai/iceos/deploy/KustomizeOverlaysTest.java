package ai.iceos.deploy;

import static ai.iceos.deploy.Manifests.at;
import static ai.iceos.deploy.Manifests.list;
import static ai.iceos.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders each overlay and validates every manifest in it, alone and against the others. */
class KustomizeOverlaysTest {
  static Stream<Overlay> overlays() {
    return Overlay.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldRenderOnlyValidManifests(Overlay overlay) {
    assertThat(overlay.resources()).hasSizeGreaterThan(15);
    assertThat(ManifestValidator.validate(overlay.resources())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldPutEveryResourceIntoTheOverlayNamespace(Overlay overlay) {
    assertThat(overlay.get("Namespace", overlay.namespace())).isNotNull();
    assertThat(overlay.resources())
        .filteredOn(r -> !Manifests.kind(r).equals("Namespace"))
        .allSatisfy(r -> assertThat(at(r, "metadata", "namespace")).contains(overlay.namespace()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldResolveEveryReferenceInsideTheOverlay(Overlay overlay) {
    assertThat(References.problems(overlay)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldKeepSecretValuesOutOfConfigMaps(Overlay overlay) {
    assertThat(overlay.resources())
        .filteredOn(r -> Manifests.kind(r).equals("ConfigMap"))
        .flatMap(r -> map(r.get("data")).keySet())
        .noneMatch(key -> key.matches(".*(PASSWORD|API_KEY|SECRET|TOKEN).*"));
  }

  /** Guards the renderer itself: where kubectl is installed, its kustomize must agree. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void shouldRenderLikeKubectlKustomize(Overlay overlay) throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl not installed: renderer cross-check skipped");
    Path out = Files.createTempFile("kustomize-" + overlay.name(), ".yaml");
    try {
      Process kubectl =
          new ProcessBuilder("kubectl", "kustomize", overlay.dir().toString())
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(kubectl.exitValue()).isZero();
      assertThat(byId(Manifests.read(out))).isEqualTo(byId(overlay.resources()));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> resources) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    resources.forEach(r -> result.put(Manifests.id(r), r));
    return result;
  }

  private static boolean kubectlAvailable() {
    try {
      Process probe =
          new ProcessBuilder("kubectl", "version", "--client")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Cross-resource references a cluster would only reveal at run time. */
  static final class References {
    private References() {}

    static List<String> problems(Overlay overlay) {
      List<String> problems = new ArrayList<>();
      for (Map<String, Object> resource : overlay.resources()) {
        String id = Manifests.id(resource);
        envSources(resource)
            .forEach(
                ref -> {
                  boolean optional = Boolean.TRUE.equals(ref.get("optional"));
                  String kind = ref.get("kind").toString();
                  String name = Objects.toString(ref.get("name"));
                  boolean external =
                      kind.equals("Secret") && overlay.externalSecrets().contains(name);
                  if (!optional && !external && overlay.find(kind, name).isEmpty()) {
                    problems.add(id + ": references missing " + kind + "/" + name);
                  }
                });
        switch (Manifests.kind(resource)) {
          case "Service", "PodDisruptionBudget" -> {
            Map<String, Object> selector =
                Manifests.kind(resource).equals("Service")
                    ? map(at(resource, "spec", "selector").orElse(Map.of()))
                    : map(at(resource, "spec", "selector", "matchLabels").orElse(Map.of()));
            if (selector.isEmpty() || workloadsSelectedBy(overlay, selector) == 0) {
              problems.add(id + ": selects no pods of this overlay");
            }
          }
          case "ScaledObject" -> {
            String target = at(resource, "spec", "scaleTargetRef", "name").orElse("").toString();
            if (overlay.find("Deployment", target).isEmpty()) {
              problems.add(id + ": scales missing Deployment/" + target);
            }
          }
          default -> {}
        }
      }
      return problems;
    }

    private static long workloadsSelectedBy(Overlay overlay, Map<String, Object> selector) {
      return overlay.resources().stream()
          .filter(r -> Manifests.kind(r).equals("Deployment"))
          .map(r -> map(at(r, "spec", "template", "metadata", "labels").orElse(Map.of())))
          .filter(labels -> labels.entrySet().containsAll(selector.entrySet()))
          .count();
    }

    /** Every envFrom / valueFrom reference of every container, as {kind, name, optional}. */
    private static List<Map<String, Object>> envSources(Map<String, Object> resource) {
      List<Map<String, Object>> refs = new ArrayList<>();
      Object podSpec =
          at(resource, "spec", "template", "spec")
              .orElse(at(resource, "spec", "jobTemplate", "spec", "template", "spec").orElse(null));
      for (Object container : list(map(podSpec).get("containers"))) {
        for (Object from : list(map(container).get("envFrom"))) {
          addRef(refs, "ConfigMap", map(from).get("configMapRef"));
          addRef(refs, "Secret", map(from).get("secretRef"));
        }
        for (Object env : list(map(container).get("env"))) {
          Map<String, Object> valueFrom = map(map(env).get("valueFrom"));
          addRef(refs, "ConfigMap", valueFrom.get("configMapKeyRef"));
          addRef(refs, "Secret", valueFrom.get("secretKeyRef"));
        }
      }
      return refs;
    }

    private static void addRef(List<Map<String, Object>> refs, String kind, Object ref) {
      if (ref instanceof Map<?, ?>) {
        Map<String, Object> entry = new HashMap<>(map(ref));
        entry.put("kind", kind);
        refs.add(entry);
      }
    }
  }
}
