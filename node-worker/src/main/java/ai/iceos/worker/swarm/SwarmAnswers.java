package ai.iceos.worker.swarm;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structured parts of agents' free-text answers: a consensus answer line, a bid, a
 * leader's subtasks. Models wrap JSON in prose or code fences, so JSON is looked for between the
 * first {@code {} and the last {@code }}; anything unreadable is "absent", never an error.
 */
final class SwarmAnswers {
  private static final Pattern ANSWER_LINE = Pattern.compile("(?im)^\\s*answer\\s*:\\s*(.+?)\\s*$");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SwarmAnswers() {}

  /** The text after the last {@code ANSWER:} line, else the whole text, trimmed. */
  static String answerOf(String text) {
    Matcher matcher = ANSWER_LINE.matcher(text);
    String answer = null;
    while (matcher.find()) {
      answer = matcher.group(1);
    }
    return (answer == null ? text : answer).strip();
  }

  /**
   * The form under which two answers count as the same vote: lower case, whitespace collapsed,
   * surrounding quotes and trailing sentence punctuation removed.
   */
  static String normalized(String answer) {
    String text = SPACES.matcher(answer.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    text = text.replaceAll("^[\"'`]+|[\"'`]+$", "");
    return text.replaceAll("[.!;,\\s]+$", "");
  }

  /** A bid {@code {"bid": x}} with 0 < x <= 1 (a number or a numeric string), if there is one. */
  static OptionalDouble bidOf(String text) {
    JsonNode bid = jsonObject(text).map(json -> json.get("bid")).orElse(null);
    if (bid == null || !(bid.isNumber() || bid.isTextual())) {
      return OptionalDouble.empty();
    }
    try {
      double value = bid.isNumber() ? bid.doubleValue() : Double.parseDouble(bid.asText().strip());
      return value > 0 && value <= 1 ? OptionalDouble.of(value) : OptionalDouble.empty();
    } catch (NumberFormatException notANumber) {
      return OptionalDouble.empty();
    }
  }

  /**
   * A leader's {@code {"subtasks": {"role": "subtask", …}}}, keeping only the given roles with a
   * non-blank text, in the answer's order; empty when there is no such assignment.
   */
  static Map<String, String> subtasksOf(String text, Set<String> roles) {
    JsonNode subtasks = jsonObject(text).map(json -> json.get("subtasks")).orElse(null);
    Map<String, String> out = new LinkedHashMap<>();
    if (subtasks != null && subtasks.isObject()) {
      subtasks
          .properties()
          .forEach(
              entry -> {
                JsonNode value = entry.getValue();
                String subtask = value.isTextual() ? value.textValue() : value.toString();
                if (roles.contains(entry.getKey()) && !value.isNull() && !subtask.isBlank()) {
                  out.put(entry.getKey(), subtask);
                }
              });
    }
    return out;
  }

  private static Optional<JsonNode> jsonObject(String text) {
    int start = text.indexOf('{');
    int end = text.lastIndexOf('}');
    if (start < 0 || end <= start) {
      return Optional.empty();
    }
    try {
      JsonNode json = IceosJson.mapper().readTree(text.substring(start, end + 1));
      return json.isObject() ? Optional.of(json) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
