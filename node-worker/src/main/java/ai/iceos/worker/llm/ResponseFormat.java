package ai.iceos.worker.llm;

/** OpenAI {@code response_format}; iceOS sends only {@code {"type": "json_object"}}. */
public record ResponseFormat(String type) {
  public static ResponseFormat jsonObject() {
    return new ResponseFormat("json_object");
  }
}
