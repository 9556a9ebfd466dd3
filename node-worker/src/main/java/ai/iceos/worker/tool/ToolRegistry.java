package ai.iceos.worker.tool;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every {@link Tool} bean of the application, by name. */
@ApplicationScoped
public class ToolRegistry {
  private final Map<String, Tool> byName;

  public ToolRegistry(@All List<Tool> tools) {
    this.byName = index(tools);
  }

  /** Builds the index; two tools with one name are a deployment error. */
  static Map<String, Tool> index(List<Tool> tools) {
    Map<String, Tool> index = new TreeMap<>();
    for (Tool tool : tools) {
      Tool previous = index.putIfAbsent(tool.name(), tool);
      if (previous != null) {
        throw new IllegalStateException(
            "Tool name '" + tool.name() + "' is registered twice: " + describe(previous, tool));
      }
    }
    return Map.copyOf(index);
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** All tools, sorted by name. */
  public List<Tool> all() {
    return byName.values().stream().sorted(Comparator.comparing(Tool::name)).toList();
  }

  private static String describe(Tool first, Tool second) {
    return first.getClass().getName() + ", " + second.getClass().getName();
  }
}
