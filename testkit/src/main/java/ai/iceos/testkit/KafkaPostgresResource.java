package ai.iceos.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A real KRaft Kafka broker and a real PostgreSQL for {@code @QuarkusTest}s:
 * {@code @WithTestResource(KafkaPostgresResource.class)}. Both run on ephemeral ports, once per
 * test JVM (shared by all test classes, stopped at JVM exit); every topic of {@code Topics.all()}
 * exists (4 partitions) before the application starts.
 *
 * <p>Sets {@code kafka.bootstrap.servers}, {@code quarkus.datasource.reactive.url} ({@code
 * postgresql://127.0.0.1:<port>/iceos}), {@code quarkus.datasource.jdbc.url}, {@code
 * quarkus.datasource.username} and {@code quarkus.datasource.password}. Tests share the broker and
 * the database: use your own consumer group ids and match your own records.
 */
public final class KafkaPostgresResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    CompletableFuture<String> kafka = CompletableFuture.supplyAsync(SharedInfra::kafkaBootstrap);
    int postgresPort = SharedInfra.postgresPort();
    Map<String, String> config = new HashMap<>(SharedInfra.datasourceConfig(postgresPort));
    config.put("kafka.bootstrap.servers", kafka.join());
    return config;
  }

  /** Nothing: the infra outlives this test class and stops at JVM exit. */
  @Override
  public void stop() {}
}
