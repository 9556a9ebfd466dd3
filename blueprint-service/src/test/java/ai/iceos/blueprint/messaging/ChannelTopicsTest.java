package ai.iceos.blueprint.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChannelTopicsTest {
  @Test
  void shouldMapEveryChannelToItsContractTopicAndDeadLetterTopic() throws Exception {
    Properties properties = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
      properties.load(in);
    }

    assertThat(properties.getProperty("mp.messaging.outgoing.blueprint-commands.topic"))
        .isEqualTo(Topics.BLUEPRINT_COMMANDS);
    assertThat(properties.getProperty("mp.messaging.outgoing.run-commands.topic"))
        .isEqualTo(Topics.RUN_COMMANDS);
    assertThat(properties.getProperty("mp.messaging.incoming.blueprint-events.topic"))
        .isEqualTo(Topics.BLUEPRINT_EVENTS);
    assertThat(properties.getProperty("mp.messaging.incoming.run-events.topic"))
        .isEqualTo(Topics.RUN_EVENTS);
    assertThat(
            properties.getProperty(
                "mp.messaging.incoming.blueprint-events.dead-letter-queue.topic"))
        .isEqualTo(Topics.BLUEPRINT_EVENTS + Topics.DEAD_LETTER_SUFFIX);
    assertThat(properties.getProperty("mp.messaging.incoming.run-events.dead-letter-queue.topic"))
        .isEqualTo(Topics.RUN_EVENTS + Topics.DEAD_LETTER_SUFFIX);
  }
}
