package ai.iceos.gateway.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
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

  public static Optional<Role> parse(String value) {
    return Arrays.stream(values()).filter(r -> r.wireName().equals(value)).findFirst();
  }
}
