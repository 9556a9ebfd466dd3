package ai.iceos.blueprint.api;

import org.jboss.resteasy.reactive.RestResponse;

/** The headers that carry a version lock: {@code X-Version-Lock} and the quoted {@code ETag}. */
final class VersionLockHeaders {
  static final String X_VERSION_LOCK = "X-Version-Lock";
  static final String NEW = "__new__";

  private VersionLockHeaders() {}

  static <T> RestResponse.ResponseBuilder<T> add(
      RestResponse.ResponseBuilder<T> builder, String lock) {
    return builder.header(X_VERSION_LOCK, lock).header("ETag", "\"" + lock + "\"");
  }

  /**
   * A create must say it creates: {@code X-Version-Lock: __new__} or {@code If-None-Match: *}.
   * Missing → 428; another lock → 409; another If-None-Match → 412.
   */
  static void requireCreate(String versionLock, String ifNoneMatch) {
    if (versionLock == null && ifNoneMatch == null) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "Creating a blueprint needs X-Version-Lock: __new__ (or If-None-Match: *).");
    }
    if (versionLock != null && !NEW.equals(versionLock.trim())) {
      throw new ProblemException(
          ProblemType.VERSION_CONFLICT,
          "A new blueprint has no version yet; send X-Version-Lock: __new__.");
    }
    if (versionLock == null && !"*".equals(ifNoneMatch.trim())) {
      throw new ProblemException(
          ProblemType.VERSION_MISMATCH, "A new blueprint matches only If-None-Match: *.");
    }
  }
}
