package ai.iceos.worker.tool;

import java.util.Objects;

/**
 * A tool's own failure with an explicit failure type (e.g. {@code tool-error}, {@code transient},
 * {@code validation}) and whether a retry may succeed.
 */
public final class ToolException extends RuntimeException {
  /** Type of a tool failure that has no more specific class. */
  public static final String TOOL_ERROR = "tool-error";

  private final String type;
  private final boolean retryable;

  public ToolException(String type, String message, boolean retryable) {
    super(message);
    this.type = Objects.requireNonNull(type, "type");
    this.retryable = retryable;
  }

  /** A retryable {@code tool-error}. */
  public ToolException(String message) {
    this(TOOL_ERROR, message, true);
  }

  /** Arguments the tool cannot work with: a retry would fail the same way. */
  public static ToolException invalidArguments(String message) {
    return new ToolException("validation", message, false);
  }

  public String type() {
    return type;
  }

  public boolean retryable() {
    return retryable;
  }
}
