package ai.iceos.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The throw-away directories that tests' brokers and databases live in. Their names carry the pid
 * of the JVM that made them, so a later JVM can sweep the leftovers of one that was killed.
 */
final class Directories {
  private static final Pattern THROW_AWAY = Pattern.compile("iceos-[a-z]+-(\\d+)-.*");

  private Directories() {}

  /** A new temporary directory {@code iceos-<kind>-<pid>-<random>}; sweeps dead JVMs' ones. */
  static Path createThrowAway(String kind) throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    sweepLeftovers(tmp);
    return Files.createTempDirectory(
        tmp, "iceos-" + kind + "-" + ProcessHandle.current().pid() + "-");
  }

  /** The pid in a throw-away directory's name, if it is one. */
  static Optional<Long> ownerPid(String directoryName) {
    Matcher matcher = THROW_AWAY.matcher(directoryName);
    return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
  }

  private static void sweepLeftovers(Path tmp) {
    try (Stream<Path> entries = Files.list(tmp)) {
      entries
          .filter(
              dir ->
                  ownerPid(dir.getFileName().toString())
                      .map(pid -> ProcessHandle.of(pid).isEmpty())
                      .orElse(false))
          .forEach(Directories::deleteQuietly);
    } catch (IOException e) {
      // tmp not listable: nothing to sweep
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(Directories::deleteOne);
    } catch (IOException | RuntimeException e) {
      System.getLogger(Directories.class.getName())
          .log(System.Logger.Level.WARNING, "could not delete " + dir + ": " + e);
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a file still being written by a dying process; the next sweep gets it
    }
  }
}
