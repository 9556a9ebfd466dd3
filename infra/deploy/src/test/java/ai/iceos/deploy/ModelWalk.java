package ai.iceos.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a fabric8 model tree and reports what strict schema validation would: fields the model does
 * not know (fabric8 parks them in {@code additionalProperties} instead of failing), required fields
 * that are missing (the OpenAPI {@code required} lists of the types used here) and quantities that
 * do not parse.
 */
final class ModelWalk {
  private ModelWalk() {}

  static List<String> problems(Object model) {
    List<String> problems = new ArrayList<>();
    walk(model, "", problems);
    return problems;
  }

  private static void walk(Object node, String path, List<String> problems) {
    if (node instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), path + "/" + i, problems);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> walk(value, path + "/" + key, problems));
      return;
    }
    if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes")) {
      return;
    }
    checkRequired(node, path, problems);
    if (node instanceof Quantity) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (!isProperty(getter)) {
        continue;
      }
      Object value = invoke(getter, node);
      if (getter.getName().equals("getAdditionalProperties")) {
        Map<?, ?> unknown = (Map<?, ?>) value;
        if (unknown != null) {
          unknown.keySet().forEach(key -> problems.add(path + "/" + key + ": unknown field"));
        }
      } else {
        walk(value, path + "/" + propertyName(getter), problems);
      }
    }
  }

  private static void checkRequired(Object node, String path, List<String> problems) {
    switch (node) {
      case Container c -> {
        require(c.getName(), path + "/name", problems);
        require(c.getImage(), path + "/image", problems);
      }
      case EnvVar e -> require(e.getName(), path + "/name", problems);
      case ContainerPort p -> require(p.getContainerPort(), path + "/containerPort", problems);
      case ServicePort p -> require(p.getPort(), path + "/port", problems);
      case HTTPGetAction h -> require(h.getPort(), path + "/port", problems);
      case Volume v -> require(v.getName(), path + "/name", problems);
      case VolumeMount m -> {
        require(m.getName(), path + "/name", problems);
        require(m.getMountPath(), path + "/mountPath", problems);
      }
      case ObjectMeta m when path.equals("/metadata") ->
          require(m.getName(), path + "/name", problems);
      case Quantity q -> {
        try {
          Quantity.getAmountInBytes(q);
        } catch (IllegalArgumentException | ArithmeticException e) {
          problems.add(path + ": not a quantity: " + q);
        }
      }
      default -> {}
    }
  }

  private static void require(Object value, String path, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add(path + ": required");
    }
  }

  private static boolean isProperty(Method method) {
    return method.getName().startsWith("get")
        && method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers())
        && !method.getName().equals("getClass")
        && method.getDeclaringClass().getPackageName().startsWith("io.fabric8.kubernetes");
  }

  private static String propertyName(Method getter) {
    String name = getter.getName().substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + getter, e);
    }
  }
}
