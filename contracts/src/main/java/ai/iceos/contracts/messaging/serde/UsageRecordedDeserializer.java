package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.UsageRecorded;

/** Kafka deserializer of {@link UsageRecorded}. */
public final class UsageRecordedDeserializer extends MessageDeserializer<UsageRecorded> {
  public UsageRecordedDeserializer() {
    super(UsageRecorded.class);
  }
}
