package ai.iceos.compiler.messaging;

/** Channel names; each equals its topic's stream name (topics come from contracts' Topics). */
final class Channels {
  static final String BLUEPRINT_COMMANDS = "blueprint-commands";
  static final String BLUEPRINT_EVENTS = "blueprint-events";
  static final String TOOL_CATALOG = "tool-catalog";
  static final String AGENT_CATALOG = "agent-catalog";
  static final String MODEL_CATALOG = "model-catalog";

  private Channels() {}
}
