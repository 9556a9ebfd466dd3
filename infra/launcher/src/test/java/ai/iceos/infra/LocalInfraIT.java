package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalInfraIT {
  private static LocalKafka kafka;
  private static LocalPostgres postgres;

  @BeforeAll
  static void startInfra() throws Exception {
    kafka = LocalKafka.start(LocalKafka.Settings.ephemeral());
    postgres = LocalPostgres.start(LocalPostgres.Settings.ephemeral());
    KafkaTopics.createAll(kafka.bootstrapServers(), Topics.all());
  }

  @AfterAll
  static void stopInfra() {
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void shouldCreateEveryTopicWithFourPartitions() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(Topics.all()).allTopicNames().get();

      assertThat(topics).containsOnlyKeys(Topics.all());
      assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(4));
    }
  }

  @Test
  void shouldCreateTopicsIdempotently() {
    KafkaTopics.createAll(kafka.bootstrapServers(), Topics.all());
  }

  @Test
  void shouldDeliverAProducedRecordToAConsumer() throws Exception {
    // given
    String topic = Topics.RUN_COMMANDS;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      // when
      producer.send(new ProducerRecord<>(topic, "run-1", "hello")).get();
    }

    // then
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "local-infra-it");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
              });
    }
    assertThat(received)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("run-1");
              assertThat(r.value()).isEqualTo("hello");
            });
  }

  @Test
  void shouldLetTheIceosRoleQueryTheIceosDatabase() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                postgres.jdbcUrl(), LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select current_user, current_database(), 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("iceos");
      assertThat(rows.getString(2)).isEqualTo("iceos");
      assertThat(rows.getInt(3)).isEqualTo(1);
    }
  }
}
