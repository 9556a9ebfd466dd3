package ai.iceos.scheduler.messaging;

/** Channel names; each is the stream name of its topic (see application.properties). */
final class Channels {
  static final String RUN_COMMANDS = "run-commands";
  static final String NODE_OUTCOMES = "node-outcomes";
  static final String NODE_TASKS = "node-tasks";
  static final String RUN_EVENTS = "run-events";
  static final String TASK_CANCELLATIONS = "task-cancellations";

  /** Outgoing to the run-commands topic: a child execution's start or cancel. */
  static final String CHILD_COMMANDS = "child-commands";

  /** Outgoing to the node-outcomes topic: a child execution's report to its parent. */
  static final String PARENT_OUTCOMES = "parent-outcomes";

  private Channels() {}
}
