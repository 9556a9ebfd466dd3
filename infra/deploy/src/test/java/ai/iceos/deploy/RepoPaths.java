package ai.iceos.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the checkout's files from wherever the tests run (the module or the repository root). */
final class RepoPaths {
  private RepoPaths() {}

  /**
   * The repository root: the nearest ancestor holding both {@code contracts/} and {@code infra/}.
   */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("contracts")) && Files.isDirectory(dir.resolve("infra"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no iceOS checkout above " + Path.of("").toAbsolutePath());
  }

  static Path resolve(String relative) {
    return root().resolve(relative);
  }
}
