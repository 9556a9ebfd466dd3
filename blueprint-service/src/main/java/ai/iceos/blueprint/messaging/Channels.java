package ai.iceos.blueprint.messaging;

/** Channel names (= topic stream names; topics are set in application.properties). */
final class Channels {
  static final String BLUEPRINT_COMMANDS = "blueprint-commands";
  static final String BLUEPRINT_EVENTS = "blueprint-events";
  static final String RUN_COMMANDS = "run-commands";
  static final String RUN_EVENTS = "run-events";
  static final String TOOL_CATALOG = "tool-catalog";
  static final String MODEL_CATALOG = "model-catalog";

  private Channels() {}
}
