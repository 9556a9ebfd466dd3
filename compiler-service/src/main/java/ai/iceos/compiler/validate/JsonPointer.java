package ai.iceos.compiler.validate;

/** RFC 6901 pointers into the submitted document. */
final class JsonPointer {
  private JsonPointer() {}

  /** {@code base} extended by one object key, with {@code ~} and {@code /} escaped. */
  static String child(String base, String key) {
    return base + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /** {@code base} extended by one array index. */
  static String child(String base, int index) {
    return base + "/" + index;
  }
}
