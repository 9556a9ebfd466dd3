package ai.iceos.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class KafkaPostgresResourceIT {

  @Test
  void shouldProvideAQueryableIceosDatabase() throws Exception {
    Map<String, String> config = new KafkaPostgresResource().start();

    assertThat(config.get("quarkus.datasource.reactive.url"))
        .matches("postgresql://127\\.0\\.0\\.1:\\d+/iceos");
    assertThat(config.get("quarkus.datasource.jdbc.url"))
        .isEqualTo("jdbc:" + config.get("quarkus.datasource.reactive.url"));
    try (Connection connection =
            DriverManager.getConnection(
                config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void shouldProvideABrokerWithEveryTopicInFourPartitions() throws Exception {
    String bootstrap = new KafkaPostgresResource().start().get("kafka.bootstrap.servers");

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(Topics.all()).allTopicNames().get();
      assertThat(topics).containsOnlyKeys(Topics.all());
      assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(4));
    }
  }

  @Test
  void shouldShareOneBrokerAndOneDatabasePerJvm() {
    Map<String, String> first = new KafkaPostgresResource().start();
    Map<String, String> second = new KafkaPostgresResource().start();
    Map<String, String> kafkaOnly = new KafkaResource().start();

    assertThat(second).isEqualTo(first);
    assertThat(kafkaOnly).containsOnlyKeys("kafka.bootstrap.servers");
    assertThat(kafkaOnly.get("kafka.bootstrap.servers"))
        .isEqualTo(first.get("kafka.bootstrap.servers"));
  }

  @Test
  void shouldLeaveOnlyStringsInTheSystemProperties() {
    new KafkaPostgresResource().start();

    // Narayana, among others, copies every system property and fails on a non-string value.
    System.getProperties()
        .forEach(
            (key, value) -> {
              assertThat(key).isInstanceOf(String.class);
              assertThat(value).as("system property %s", key).isInstanceOf(String.class);
            });
  }
}
