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
   * A write to an existing blueprint must name the lock it read: {@code X-Version-Lock} (preferred
   * when both are sent) or {@code If-Match} with a strong or weak entity tag, quoted or not, or
   * {@code *}. Missing → 428.
   */
  static ExpectedLock requireWrite(String versionLock, String ifMatch) {
    if (versionLock != null && !versionLock.isBlank()) {
      return new ExpectedLock(versionLock.trim(), ProblemType.VERSION_CONFLICT);
    }
    if (ifMatch != null && !ifMatch.isBlank()) {
      String tag = firstTag(ifMatch);
      return new ExpectedLock("*".equals(tag) ? null : tag, ProblemType.VERSION_MISMATCH);
    }
    throw new ProblemException(
        ProblemType.PRECONDITION_REQUIRED,
        "Send the current version lock in X-Version-Lock (or If-Match).");
  }

  /** The lock of an entity tag: {@code W/"x"}, {@code "x"} and {@code x} all give {@code x}. */
  static String firstTag(String header) {
    String tag = header.split(",", 2)[0].trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    return tag;
  }

  /** True when an {@code If-None-Match} header names {@code lock} (or is {@code *}). */
  static boolean matches(String ifNoneMatch, String lock) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String value = firstTag(tag);
      if ("*".equals(value) || value.equals(lock)) {
        return true;
      }
    }
    return false;
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
