package ai.iceos.system;

import ai.iceos.infra.LocalSystem;
import ai.iceos.infra.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One whole iceOS per test JVM: PostgreSQL, a KRaft broker and all five services as separate
 * processes on ephemeral ports, exactly as {@code infra/local/run} starts them. Started on first
 * use, stopped when the JVM exits.
 */
final class RunningSystem {
  private static LocalSystem system;

  private RunningSystem() {}

  static synchronized LocalSystem get() {
    if (system == null) {
      system = start();
      Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "stop-iceos"));
    }
    return system;
  }

  static IceosApi api() {
    return new IceosApi(get().baseUrl(Service.BLUEPRINT_SERVICE), "dev-token");
  }

  private static LocalSystem start() {
    try {
      Path root = Path.of(System.getProperty("iceos.project.root", "..")).toAbsolutePath();
      Path data = Files.createTempDirectory(root.resolve("system-tests/target"), "system-");
      return LocalSystem.builder()
          .projectRoot(root)
          .ephemeralPorts()
          .dataDir(data)
          .services(Service.values())
          .readyTimeout(Duration.ofMinutes(3))
          .build()
          .start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
