package ai.iceos.gateway.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The author of a chat message, spelled on the wire as OpenAI does. */
public enum Role {
  SYSTEM,
  DEVELOPER,
  USER,
  ASSISTANT,
  TOOL;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The role spelled {@code value} on the wire (a switch: this runs for every message). */
  public static Optional<Role> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value) {
      case "system" -> Optional.of(SYSTEM);
      case "developer" -> Optional.of(DEVELOPER);
      case "user" -> Optional.of(USER);
      case "assistant" -> Optional.of(ASSISTANT);
      case "tool" -> Optional.of(TOOL);
      default -> Optional.empty();
    };
  }
}
