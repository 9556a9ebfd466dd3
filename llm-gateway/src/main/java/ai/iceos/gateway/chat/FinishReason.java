package ai.iceos.gateway.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why the model stopped, spelled on the wire as OpenAI does. */
public enum FinishReason {
  STOP,
  LENGTH,
  TOOL_CALLS,
  CONTENT_FILTER;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
