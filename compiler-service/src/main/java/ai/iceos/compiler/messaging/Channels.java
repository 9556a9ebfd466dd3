package ai.iceos.compiler.messaging;

/** Channel names; each equals its topic's stream name (topics come from contracts' Topics). */
final class Channels {
  static final String BLUEPRINT_COMMANDS = "blueprint-commands";
  static final String BLUEPRINT_EVENTS = "blueprint-events";

  private Channels() {}
}
