package ai.iceos.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real KRaft Kafka broker for {@code @QuarkusTest}s of services without a database:
 * {@code @WithTestResource(KafkaResource.class)}. Ephemeral port, one broker per test JVM (shared
 * with {@link KafkaPostgresResource}), every topic of {@code Topics.all()} created; sets {@code
 * kafka.bootstrap.servers}.
 */
public final class KafkaResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", SharedInfra.kafkaBootstrap());
  }

  /** Nothing: the broker outlives this test class and stops at JVM exit. */
  @Override
  public void stop() {}
}
