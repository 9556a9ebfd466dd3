package ai.iceos.scheduler.store;

/**
 * A message committed with a state change and not yet acknowledged by Kafka.
 *
 * @param id increasing in commit order of one execution, so sending by id keeps event order
 * @param topic a topic of {@link ai.iceos.contracts.messaging.Topics}
 * @param key the record key
 * @param payload the message as JSON, sent as it is
 * @param traceparent the W3C trace context to send it in, or null
 */
public record OutboxRow(long id, String topic, String key, String payload, String traceparent) {}
