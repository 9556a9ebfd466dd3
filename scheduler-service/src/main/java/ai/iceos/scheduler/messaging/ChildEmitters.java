package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.RunCommand;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The emitters of messages between parent and child executions (decision 0114): run commands to
 * child executions, and a child's report to its parent's {@code workflow} node.
 */
@ApplicationScoped
class ChildEmitters {
  private final MutinyEmitter<RunCommand> commands;
  private final MutinyEmitter<NodeOutcome> outcomes;

  ChildEmitters(
      @Channel(Channels.CHILD_COMMANDS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256)
          MutinyEmitter<RunCommand> commands,
      @Channel(Channels.PARENT_OUTCOMES)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256)
          MutinyEmitter<NodeOutcome> outcomes) {
    this.commands = commands;
    this.outcomes = outcomes;
  }

  MutinyEmitter<RunCommand> commands() {
    return commands;
  }

  MutinyEmitter<NodeOutcome> outcomes() {
    return outcomes;
  }
}
