package ai.iceos.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates rendered manifests. Built-in kinds are read strictly into the fabric8 Kubernetes models
 * (a wrong type fails; an unknown field, which fabric8 would keep aside, is reported by {@link
 * ModelWalk}, as are the required fields the API server insists on). The KEDA {@code ScaledObject}
 * is checked against {@code schemas/keda-scaledobject-v1alpha1.schema.json}, written from KEDA's
 * documented spec. A kind outside both is a problem too: nothing goes unvalidated.
 */
final class ManifestValidator {
  private static final Map<String, Class<?>> MODELS =
      Map.of(
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "v1/Namespace", Namespace.class,
          "apps/v1/Deployment", Deployment.class,
          "apps/v1/StatefulSet", StatefulSet.class,
          "batch/v1/Job", Job.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
  private static final String SCALED_OBJECT = "keda.sh/v1alpha1/ScaledObject";
  private static final JsonSchema SCALED_OBJECT_SCHEMA = loadSchema();

  private ManifestValidator() {}

  /** Every problem of every manifest, each prefixed with {@code Kind/name}; empty when valid. */
  static List<String> validate(List<Map<String, Object>> manifests) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> manifest : manifests) {
      validate(manifest).forEach(problem -> problems.add(Manifests.id(manifest) + ": " + problem));
    }
    return problems;
  }

  static List<String> validate(Map<String, Object> manifest) {
    String type = manifest.get("apiVersion") + "/" + Manifests.kind(manifest);
    if (type.equals(SCALED_OBJECT)) {
      JsonNode node = Manifests.YAML.valueToTree(manifest);
      return SCALED_OBJECT_SCHEMA.validate(node).stream()
          .map(ValidationMessage::getMessage)
          .toList();
    }
    Class<?> model = MODELS.get(type);
    if (model == null) {
      return List.of(
          "no schema for " + type + " (known: " + MODELS.keySet() + ", " + SCALED_OBJECT + ")");
    }
    Object typed;
    try {
      typed = Manifests.YAML.convertValue(manifest, model);
    } catch (IllegalArgumentException e) {
      return List.of(
          "does not match the "
              + type
              + " schema: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    List<String> problems = new ArrayList<>(ModelWalk.problems(typed));
    problems.addAll(ManifestRules.problems(typed));
    return problems;
  }

  private static JsonSchema loadSchema() {
    try (InputStream in =
        ManifestValidator.class.getResourceAsStream(
            "/schemas/keda-scaledobject-v1alpha1.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
