package ai.iceos.infra;

import java.nio.file.Path;

/** The {@code java} executable of this JVM, so that every child runs on the same JDK. */
final class JavaBinary {
  private JavaBinary() {}

  static String current() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
