package ai.iceos.contracts.messaging;

import java.util.List;
import java.util.stream.Stream;

/**
 * Kafka topic names ({@code iceos.<stream>.v<N>}). One message family per topic; see each constant
 * for its key and family. Changing a key or re-meaning a field means a new {@code v<N+1>}.
 */
public final class Topics {
  /** Key: blueprint id. Value: {@link BlueprintCommand}. blueprint-service → compiler-service. */
  public static final String BLUEPRINT_COMMANDS = "iceos.blueprint-commands.v1";

  /** Key: blueprint id. Value: {@link BlueprintEvent}. compiler-service → blueprint-service. */
  public static final String BLUEPRINT_EVENTS = "iceos.blueprint-events.v1";

  /** Key: execution id. Value: {@link RunCommand}. blueprint-service → scheduler-service. */
  public static final String RUN_COMMANDS = "iceos.run-commands.v1";

  /**
   * Key: task id, so one execution's parallel nodes spread over all workers. Value: {@link
   * NodeTask}. scheduler-service → node-worker.
   */
  public static final String NODE_TASKS = "iceos.node-tasks.v1";

  /** Key: execution id. Value: {@link NodeOutcome}. node-worker → scheduler-service. */
  public static final String NODE_OUTCOMES = "iceos.node-outcomes.v1";

  /** Key: execution id. Value: {@link RunEvent}. scheduler-service → blueprint-service. */
  public static final String RUN_EVENTS = "iceos.run-events.v1";

  /**
   * Compacted. Key: tool name. Value: {@link ToolCatalogEntry}, null to remove. node-worker →
   * compiler-service, blueprint-service.
   */
  public static final String TOOL_CATALOG = "iceos.tool-catalog.v1";

  /**
   * Compacted. Key: agent package. Value: {@link AgentCatalogEntry}, null to remove. node-worker →
   * compiler-service, blueprint-service.
   */
  public static final String AGENT_CATALOG = "iceos.agent-catalog.v1";

  /**
   * Compacted. Key: model name. Value: {@link ModelCatalogEntry}, null to remove. llm-gateway →
   * compiler-service, blueprint-service.
   */
  public static final String MODEL_CATALOG = "iceos.model-catalog.v1";

  /**
   * Key: execution id (org id outside an execution). Value: {@link UsageRecorded}. llm-gateway →
   * whoever accounts usage.
   */
  public static final String USAGE_EVENTS = "iceos.usage-events.v1";

  /**
   * Key: execution id. Value: {@link CancelTasks}. scheduler-service → every node-worker instance
   * (each reads all of it).
   */
  public static final String TASK_CANCELLATIONS = "iceos.task-cancellations.v1";

  /** Suffix of the dead-letter topic of any topic above. */
  public static final String DEAD_LETTER_SUFFIX = ".dlq";

  /**
   * The largest record any iceOS topic accepts ({@code max.message.bytes} of every topic, {@code
   * max.request.size} of every producer): 8 MiB. A compile request carries a whole blueprint (up to
   * blueprint-service's body limit) and a verdict its whole plan, which is larger than the
   * blueprint; Kafka's 1 MiB default would make a large valid blueprint unsendable.
   */
  public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  private Topics() {}

  /**
   * Every topic the system uses, dead-letter topics included, for launchers and deployments. The
   * topics of {@link #compacted()} are among them and must be created with {@code
   * cleanup.policy=compact}.
   */
  public static List<String> all() {
    List<String> main =
        List.of(
            BLUEPRINT_COMMANDS,
            BLUEPRINT_EVENTS,
            RUN_COMMANDS,
            NODE_TASKS,
            NODE_OUTCOMES,
            RUN_EVENTS,
            TOOL_CATALOG,
            AGENT_CATALOG,
            MODEL_CATALOG,
            USAGE_EVENTS,
            TASK_CANCELLATIONS);
    return main.stream().flatMap(t -> Stream.of(t, t + DEAD_LETTER_SUFFIX)).toList();
  }

  /** The catalog topics: the newest record per key is the state, so they are compacted. */
  public static List<String> compacted() {
    return List.of(TOOL_CATALOG, AGENT_CATALOG, MODEL_CATALOG);
  }
}
