package ai.iceos.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChannelTopicsTest {
  @Test
  void shouldBindChannelsToContractTopics() throws Exception {
    Properties properties = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
      properties.load(in);
    }

    assertThat(properties.getProperty("mp.messaging.incoming.node-tasks.topic"))
        .isEqualTo(Topics.NODE_TASKS);
    assertThat(properties.getProperty("mp.messaging.incoming.node-tasks.dead-letter-queue.topic"))
        .isEqualTo(Topics.NODE_TASKS + Topics.DEAD_LETTER_SUFFIX);
    assertThat(properties.getProperty("mp.messaging.outgoing.node-outcomes.topic"))
        .isEqualTo(Topics.NODE_OUTCOMES);
    assertThat(Topics.NODE_TASKS).contains(Channels.NODE_TASKS);
    assertThat(Topics.NODE_OUTCOMES).contains(Channels.NODE_OUTCOMES);
  }
}
