package ai.iceos.worker.agent;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every {@link AgentDefinition} bean of the application, by package name. */
@ApplicationScoped
public class AgentRegistry {
  private final Map<String, AgentDefinition> byPackage;

  public AgentRegistry(@All List<AgentDefinition> agents) {
    Map<String, AgentDefinition> index = new TreeMap<>();
    for (AgentDefinition agent : agents) {
      if (index.putIfAbsent(agent.packageName(), agent) != null) {
        throw new IllegalStateException(
            "Agent package '" + agent.packageName() + "' is registered twice");
      }
    }
    this.byPackage = Map.copyOf(index);
  }

  public Optional<AgentDefinition> find(String packageName) {
    return Optional.ofNullable(byPackage.get(packageName));
  }

  /** All agents, sorted by package name. */
  public List<AgentDefinition> all() {
    return byPackage.values().stream()
        .sorted(Comparator.comparing(AgentDefinition::packageName))
        .toList();
  }
}
