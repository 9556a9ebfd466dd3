package ai.iceos.worker.messaging;

/** Channel names; each equals its topic's stream name (topics come from contracts' Topics). */
final class Channels {
  static final String NODE_TASKS = "node-tasks";
  static final String NODE_OUTCOMES = "node-outcomes";
  static final String TOOL_CATALOG = "tool-catalog";
  static final String AGENT_CATALOG = "agent-catalog";
  static final String TASK_CANCELLATIONS = "task-cancellations";

  private Channels() {}
}
