package ai.iceos.testkit;

import ai.iceos.contracts.messaging.Topics;
import ai.iceos.infra.KafkaTopics;
import ai.iceos.infra.LocalKafka;
import ai.iceos.infra.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One Kafka broker and one PostgreSQL per test JVM, started on first use and stopped at JVM exit.
 *
 * <p>Quarkus may load this class once per application class loader (one per test profile or
 * resource set), so the JVM-wide state lives in system properties (strings only: other libraries
 * copy them all) and the locks are interned string constants, the same object in every class
 * loader: a second class loader finds the running infra instead of starting another. Should the
 * exit hook not get to run, the broker exits on its own when this JVM is gone and a watchdog stops
 * postgres (see {@code ai.iceos.infra}).
 */
final class SharedInfra {
  static final String KAFKA_BOOTSTRAP_PROPERTY = "iceos.testkit.kafka.bootstrap";
  static final String POSTGRES_PORT_PROPERTY = "iceos.testkit.postgres.port";

  /** Set these to use infra started elsewhere (e.g. by a CI script) instead of starting it. */
  static final String KAFKA_BOOTSTRAP_ENV = "ICEOS_TEST_KAFKA_BOOTSTRAP";

  static final String POSTGRES_PORT_ENV = "ICEOS_TEST_POSTGRES_PORT";

  /** String literals are interned JVM-wide, so these are one lock each across class loaders. */
  private static final String KAFKA_LOCK = "ai.iceos.testkit.SharedInfra.kafka-lock";

  private static final String POSTGRES_LOCK = "ai.iceos.testkit.SharedInfra.postgres-lock";

  private SharedInfra() {}

  /** Bootstrap servers of the shared broker; every topic of {@link Topics#all()} exists. */
  static String kafkaBootstrap() {
    synchronized (KAFKA_LOCK) {
      String running = runningValue(KAFKA_BOOTSTRAP_PROPERTY, KAFKA_BOOTSTRAP_ENV);
      if (running != null) {
        KafkaTopics.createAll(running, Topics.all());
        return running;
      }
      LocalKafka kafka = start(() -> LocalKafka.start(LocalKafka.Settings.ephemeral()));
      KafkaTopics.createAll(kafka.bootstrapServers(), Topics.all());
      stopAtExit("iceos-testkit-kafka-stop", kafka);
      System.setProperty(KAFKA_BOOTSTRAP_PROPERTY, kafka.bootstrapServers());
      return kafka.bootstrapServers();
    }
  }

  /** Port of the shared PostgreSQL, which has database and role {@code iceos}. */
  static int postgresPort() {
    synchronized (POSTGRES_LOCK) {
      String running = runningValue(POSTGRES_PORT_PROPERTY, POSTGRES_PORT_ENV);
      if (running != null) {
        return Integer.parseInt(running.strip());
      }
      LocalPostgres postgres = start(() -> LocalPostgres.start(LocalPostgres.Settings.ephemeral()));
      stopAtExit("iceos-testkit-postgres-stop", postgres);
      System.setProperty(POSTGRES_PORT_PROPERTY, Integer.toString(postgres.port()));
      return postgres.port();
    }
  }

  /** Config for {@code quarkus.datasource.*} pointing at the shared PostgreSQL. */
  static Map<String, String> datasourceConfig(int port) {
    String url = "postgresql://127.0.0.1:" + port + "/" + LocalPostgres.DATABASE;
    return Map.of(
        "quarkus.datasource.reactive.url",
        url,
        "quarkus.datasource.jdbc.url",
        "jdbc:" + url,
        "quarkus.datasource.username",
        LocalPostgres.USERNAME,
        "quarkus.datasource.password",
        LocalPostgres.PASSWORD);
  }

  private static String runningValue(String property, String env) {
    String fromProperty = System.getProperty(property);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return fromProperty;
    }
    String fromEnv = System.getenv(env);
    return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
  }

  /**
   * Stops at JVM exit. Both closes use only JDK classes and classes loaded at start; a failure here
   * (a closed class loader) is covered by the broker's parent watch and postgres' watchdog.
   */
  private static void stopAtExit(String name, AutoCloseable infra) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    infra.close();
                  } catch (Throwable e) {
                    System.err.println(name + ": " + e);
                  }
                },
                name));
  }

  private interface Starter<T> {
    T start() throws IOException;
  }

  private static <T> T start(Starter<T> starter) {
    try {
      return starter.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
