package ai.iceos.scheduler.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The emitters of messages between parent and child executions (decision 0114): run commands to
 * child executions, and a child's report to its parent's {@code workflow} node. Both send the JSON
 * text of an outbox row as it was stored.
 */
@ApplicationScoped
class ChildEmitters {
  private final MutinyEmitter<String> commands;
  private final MutinyEmitter<String> outcomes;

  ChildEmitters(
      @Channel(Channels.CHILD_COMMANDS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256)
          MutinyEmitter<String> commands,
      @Channel(Channels.PARENT_OUTCOMES)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256)
          MutinyEmitter<String> outcomes) {
    this.commands = commands;
    this.outcomes = outcomes;
  }

  MutinyEmitter<String> commands() {
    return commands;
  }

  MutinyEmitter<String> outcomes() {
    return outcomes;
  }
}
