package ai.iceos.infra;

import ai.iceos.contracts.messaging.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Idempotent topic creation with the Kafka AdminClient. */
public final class KafkaTopics {
  /** Partitions of every iceOS topic (parallel workers per topic). */
  public static final int PARTITIONS = 4;

  private KafkaTopics() {}

  /**
   * Creates each topic with {@link #PARTITIONS} partitions, replication 1, {@code
   * max.message.bytes} = {@link Topics#MAX_MESSAGE_BYTES}, and the catalog topics of {@link
   * Topics#compacted()} with {@code cleanup.policy=compact}; existing ones stay.
   */
  public static void createAll(String bootstrapServers, List<String> topics) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    try (Admin admin = Admin.create(config)) {
      List<NewTopic> newTopics = topics.stream().map(KafkaTopics::newTopic).toList();
      Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
      for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
        awaitCreated(result.getKey(), result.getValue());
      }
    }
  }

  private static NewTopic newTopic(String name) {
    Map<String, String> configs = new HashMap<>();
    configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
    if (Topics.compacted().contains(name)) {
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    return new NewTopic(name, PARTITIONS, (short) 1).configs(configs);
  }

  private static void awaitCreated(String topic, KafkaFuture<Void> future) {
    try {
      future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topic " + topic + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic, e);
    }
  }
}
