package ai.iceos.scheduler.store;

import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.RunEvent;

/**
 * A message committed with a state change and not yet acknowledged by Kafka.
 *
 * @param id increasing in commit order of one execution, so sending by id keeps event order
 * @param topic a topic of {@link ai.iceos.contracts.messaging.Topics}
 * @param key the record key
 * @param payload the message as JSON
 * @param traceparent the W3C trace context to send it in, or null
 */
public record OutboxRow(long id, String topic, String key, String payload, String traceparent) {
  public NodeTask task() {
    return StoreJson.read(payload, NodeTask.class);
  }

  public CancelTasks cancellation() {
    return StoreJson.read(payload, CancelTasks.class);
  }

  public RunCommand command() {
    return StoreJson.read(payload, RunCommand.class);
  }

  public NodeOutcome outcome() {
    return StoreJson.read(payload, NodeOutcome.class);
  }

  public RunEvent event() {
    return StoreJson.read(payload, RunEvent.class);
  }
}
