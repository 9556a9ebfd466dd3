package ai.iceos.worker.template;

/**
 * A template could not be rendered: an undefined name, a syntax error or a failing filter. The
 * message names the offending variable or expression and never contains scope values.
 */
public final class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }
}
