package ai.iceos.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The launcher's files under {@code .local-run/}: {@code launcher.pid} while it runs and {@code
 * ready} (the URL table) once every service is ready. The scripts read both.
 */
final class RunDirectory {
  private final Path dir;

  RunDirectory(Path dir) {
    this.dir = dir;
  }

  Path pidFile() {
    return dir.resolve("launcher.pid");
  }

  Path readyFile() {
    return dir.resolve("ready");
  }

  /** Records this JVM as the launcher; fails when another live launcher owns the directory. */
  void claim() throws IOException {
    Files.createDirectories(dir);
    Optional<Long> other = runningLauncher();
    if (other.isPresent() && other.get() != ProcessHandle.current().pid()) {
      throw new IllegalStateException(
          "iceOS is already running from "
              + dir
              + " (launcher pid "
              + other.get()
              + "); stop it with infra/local/stop");
    }
    Files.deleteIfExists(readyFile());
    writeAtomically(pidFile(), ProcessHandle.current().pid() + "\n");
  }

  /** The pid in {@code launcher.pid} if that process is alive. */
  Optional<Long> runningLauncher() {
    try {
      long pid = Long.parseLong(Files.readString(pidFile()).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  void markReady(String urlTable) throws IOException {
    writeAtomically(readyFile(), urlTable);
  }

  void markStopping() {
    deleteQuietly(readyFile());
  }

  void release() {
    deleteQuietly(readyFile());
    deleteQuietly(pidFile());
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover file is harmless: the next start overwrites it and checks the pid
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
