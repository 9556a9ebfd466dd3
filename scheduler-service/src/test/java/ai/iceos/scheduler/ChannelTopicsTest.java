package ai.iceos.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChannelTopicsTest {

  @Test
  void shouldBindEachChannelToItsTopicAndDeadLetterTopic() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
      properties.load(in);
    }

    assertThat(properties.getProperty("mp.messaging.incoming.run-commands.topic"))
        .isEqualTo(Topics.RUN_COMMANDS);
    assertThat(properties.getProperty("mp.messaging.incoming.run-commands.dead-letter-queue.topic"))
        .isEqualTo(Topics.RUN_COMMANDS + Topics.DEAD_LETTER_SUFFIX);
    assertThat(properties.getProperty("mp.messaging.incoming.node-outcomes.topic"))
        .isEqualTo(Topics.NODE_OUTCOMES);
    assertThat(
            properties.getProperty("mp.messaging.incoming.node-outcomes.dead-letter-queue.topic"))
        .isEqualTo(Topics.NODE_OUTCOMES + Topics.DEAD_LETTER_SUFFIX);
    assertThat(properties.getProperty("mp.messaging.outgoing.node-tasks.topic"))
        .isEqualTo(Topics.NODE_TASKS);
    assertThat(properties.getProperty("mp.messaging.outgoing.run-events.topic"))
        .isEqualTo(Topics.RUN_EVENTS);
    assertThat(properties.getProperty("mp.messaging.outgoing.task-cancellations.topic"))
        .isEqualTo(Topics.TASK_CANCELLATIONS);
  }
}
