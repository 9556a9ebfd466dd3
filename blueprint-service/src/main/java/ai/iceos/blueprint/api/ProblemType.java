package ai.iceos.blueprint.api;

import java.util.Arrays;

/**
 * Every kind of error the API answers with. The {@code type} URI of a problem is {@link #BASE} plus
 * the slug; a published slug never changes.
 */
public enum ProblemType {
  MALFORMED_JSON(400, "Malformed request body", "malformed-json"),
  BAD_REQUEST(400, "Bad request", "bad-request"),
  UNAUTHORIZED(401, "Authentication required", "unauthorized"),
  BUDGET_EXCEEDED(402, "Estimated cost exceeds the budget", "budget-exceeded"),
  FORBIDDEN(403, "Forbidden", "forbidden"),
  FORBIDDEN_BLUEPRINT(403, "Blueprint uses forbidden resources", "forbidden-blueprint"),
  NOT_FOUND(404, "Not found", "not-found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
  VERSION_CONFLICT(409, "Version lock does not match", "version-conflict"),
  NOT_COMPILED(409, "Blueprint is not compiled", "blueprint-not-compiled"),
  WORKFLOW_UNRESOLVED(409, "A referenced workflow cannot run", "workflow-unresolved"),
  EXECUTION_STATE(409, "Execution is not in a state for this", "execution-state"),
  VERSION_MISMATCH(412, "Precondition failed", "version-mismatch"),
  PAYLOAD_TOO_LARGE(413, "Request body too large", "payload-too-large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
  INVALID_BLUEPRINT(422, "Blueprint is invalid", "invalid-blueprint"),
  INVALID_REQUEST(422, "Request is invalid", "invalid-request"),
  INVALID_INPUTS(422, "Execution inputs are invalid", "invalid-inputs"),
  PRECONDITION_REQUIRED(428, "Precondition required", "precondition-required"),
  TOO_MANY_REQUESTS(429, "Too many requests", "too-many-requests"),
  INTERNAL(500, "Internal server error", "internal-error"),
  UNAVAILABLE(503, "Service unavailable", "unavailable");

  /** Base of every problem type URI. */
  public static final String BASE = "https://iceos.ai/problems/";

  private final int status;
  private final String title;
  private final String slug;

  ProblemType(int status, String title, String slug) {
    this.status = status;
    this.title = title;
    this.slug = slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return BASE + slug;
  }

  /** The generic problem of an HTTP status raised by the framework (first declared wins). */
  public static ProblemType forStatus(int status) {
    return Arrays.stream(values())
        .filter(t -> t.status == status)
        .findFirst()
        .orElse(status >= 500 ? INTERNAL : BAD_REQUEST);
  }
}
