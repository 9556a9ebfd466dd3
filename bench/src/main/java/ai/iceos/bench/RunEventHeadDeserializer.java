package ai.iceos.bench;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads only a run event's head (ids, sequence, type, node, timestamp) and skips its {@code data}:
 * the benches run on the machine they measure, and building every event's data tree cost the load
 * generator about as much CPU per node as a service.
 */
final class RunEventHeadDeserializer implements Deserializer<RunEvent> {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public RunEvent deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (JsonParser parser = JSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      UUID messageId = null;
      String executionId = null;
      long sequence = 0;
      RunEventType type = null;
      String nodeId = null;
      Instant timestamp = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "message_id" -> messageId = UUID.fromString(parser.getText());
          case "execution_id" -> executionId = parser.getText();
          case "sequence" -> sequence = parser.getLongValue();
          case "event_type" -> type = RunEventType.fromWireName(parser.getText());
          case "node_id" -> nodeId = value == JsonToken.VALUE_NULL ? null : parser.getText();
          case "timestamp" -> timestamp = Instant.parse(parser.getText());
          default -> parser.skipChildren();
        }
      }
      return new RunEvent(messageId, executionId, sequence, type, nodeId, null, timestamp);
    } catch (IOException | RuntimeException e) {
      // an event this bench cannot read is not one it measures
      return null;
    }
  }
}
