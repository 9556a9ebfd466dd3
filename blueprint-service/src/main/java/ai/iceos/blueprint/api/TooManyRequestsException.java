package ai.iceos.blueprint.api;

/** A token went over its requests per minute; answered 429 with {@code Retry-After}. */
public final class TooManyRequestsException extends RuntimeException {
  private final long retryAfterSeconds;

  public TooManyRequestsException(int limitPerMinute, long retryAfterSeconds) {
    super(
        "More than %d requests this minute with this token; retry in %d s."
            .formatted(limitPerMinute, retryAfterSeconds),
        null,
        false,
        false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
