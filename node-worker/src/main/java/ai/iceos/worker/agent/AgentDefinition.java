package ai.iceos.worker.agent;

import java.util.List;

/**
 * A registered agent an {@code agent} node names in {@code package} (SPEC §2.6). Implementations
 * are CDI beans discovered by {@link AgentRegistry} and published to the agent catalog at start-up.
 */
public interface AgentDefinition {
  /** Unique, stable package name, e.g. {@code echo_agent}. */
  String packageName();

  /** One sentence for the agent catalog. */
  String description();

  /** The system message of every run. */
  String instructions();

  /** Names of the registered tools the agent may call. */
  List<String> tools();

  /** The model it uses unless the node names one, or null for the gateway's default. */
  String model();
}
