package ai.iceos.worker.seller;

import ai.iceos.worker.tool.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files {@code csv_loader} may read: relative paths inside one data directory, or, when none is
 * configured, inside the classpath folder {@code data/} that ships the demo data with the worker
 * (so it works from the packaged jar in any working directory and in tests). Absolute paths, {@code
 * ..} segments and symbolic links that leave the directory are refused.
 */
public final class DataFiles {
  static final String CLASSPATH_FOLDER = "data/";
  private static final String ESCAPE = "'path' must be a relative path inside the data directory";

  private final Path directory;

  /**
   * @param directory the data directory, or null for the shipped classpath data
   */
  public DataFiles(Path directory) {
    this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
  }

  /** The file's bytes, at most {@code maxBytes}. */
  byte[] read(String path, long maxBytes) {
    String relative = checked(path);
    try (InputStream in = open(relative)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw ToolException.invalidArguments(
            "'" + relative + "' is larger than " + maxBytes + " bytes");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw notFound(relative);
    } catch (IOException e) {
      throw new ToolException("Cannot read '" + relative + "': " + e.getClass().getSimpleName());
    }
  }

  private InputStream open(String relative) throws IOException {
    if (directory == null) {
      return Optional.ofNullable(
              DataFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + relative))
          .orElseThrow(() -> notFound(relative));
    }
    Path file = directory.resolve(relative).normalize();
    Path real = file.toRealPath();
    if (!real.startsWith(directory.toRealPath())) {
      throw ToolException.invalidArguments(ESCAPE);
    }
    return Files.newInputStream(real);
  }

  /** The path with {@code /} separators, refused when absolute or climbing out. */
  static String checked(String path) {
    if (path == null || path.isBlank()) {
      throw ToolException.invalidArguments("'path' must not be empty");
    }
    String unified = path.replace('\\', '/');
    if (unified.startsWith("/") || unified.matches("^[A-Za-z]:.*") || unified.contains("\0")) {
      throw ToolException.invalidArguments(ESCAPE);
    }
    for (String segment : unified.split("/")) {
      if (segment.equals("..")) {
        throw ToolException.invalidArguments(ESCAPE);
      }
    }
    return unified.replaceAll("/+", "/").replaceAll("^(\\./)+", "");
  }

  private static ToolException notFound(String relative) {
    return ToolException.invalidArguments("No data file '" + relative + "'");
  }
}
