package ai.iceos.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Topics;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChannelsTest {

  @Test
  void shouldSendEachChannelToItsContractTopic() throws Exception {
    Properties properties = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
      properties.load(in);
    }

    assertThat(properties.getProperty("mp.messaging.outgoing." + Channels.USAGE_EVENTS + ".topic"))
        .isEqualTo(Topics.USAGE_EVENTS);
    assertThat(properties.getProperty("mp.messaging.outgoing." + Channels.MODEL_CATALOG + ".topic"))
        .isEqualTo(Topics.MODEL_CATALOG);
  }
}
