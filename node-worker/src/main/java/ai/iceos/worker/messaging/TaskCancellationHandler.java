package ai.iceos.worker.messaging;

import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.worker.node.RunningAttempts;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Interrupts running attempts on {@link CancelTasks}. Every worker instance reads the whole topic
 * (a consumer group of its own, from the latest offset; see application.properties), because any
 * instance may be running the execution's tasks.
 */
@ApplicationScoped
class TaskCancellationHandler {
  private final RunningAttempts attempts;

  TaskCancellationHandler(RunningAttempts attempts) {
    this.attempts = attempts;
  }

  @Incoming(Channels.TASK_CANCELLATIONS)
  void on(CancelTasks command) {
    if (command == null) {
      Log.warn("Ignoring an unreadable task cancellation");
      return;
    }
    int interrupted = attempts.cancel(command);
    Log.debugf(
        "Cancellation of execution %s interrupted %d running attempts",
        command.executionId(), interrupted);
  }
}
