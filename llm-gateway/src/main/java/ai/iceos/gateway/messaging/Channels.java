package ai.iceos.gateway.messaging;

/** Outgoing channel names; each equals its topic's stream name (topics come from contracts). */
final class Channels {
  static final String USAGE_EVENTS = "usage-events";
  static final String MODEL_CATALOG = "model-catalog";

  private Channels() {}
}
