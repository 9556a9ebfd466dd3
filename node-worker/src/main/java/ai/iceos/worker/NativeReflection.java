package ai.iceos.worker;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.Blueprint;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.InputMapping;
import ai.iceos.contracts.blueprint.Limits;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.messaging.BlueprintCommand;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.CompileBlueprint;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.IceosMessage;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.messaging.serde.BlueprintCommandDeserializer;
import ai.iceos.contracts.messaging.serde.BlueprintEventDeserializer;
import ai.iceos.contracts.messaging.serde.MessageSerializer;
import ai.iceos.contracts.messaging.serde.NodeOutcomeDeserializer;
import ai.iceos.contracts.messaging.serde.NodeTaskDeserializer;
import ai.iceos.contracts.messaging.serde.RunCommandDeserializer;
import ai.iceos.contracts.messaging.serde.RunEventDeserializer;
import ai.iceos.contracts.plan.CostEstimate;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image only: the contracts types Jackson reads and writes reflectively (records, their
 * sealed families with the {@code @JsonTypeInfo}/{@code @JsonSubTypes} annotations, enums) and the
 * Kafka serde classes the Kafka client instantiates by name from application.properties. The
 * contracts jar has no Quarkus dependency, so each service registers them here. The same list in
 * every service keeps it easy to check; registering a type a service does not use costs only size.
 */
@RegisterForReflection(
    targets = {
      IceosMessage.class,
      BlueprintCommand.class,
      CompileBlueprint.class,
      BlueprintEvent.class,
      BlueprintCompiled.class,
      BlueprintRejected.class,
      RunCommand.class,
      StartRun.class,
      CancelRun.class,
      RunOptions.class,
      NodeTask.class,
      NodeOutcome.class,
      NodeStarted.class,
      NodeCompleted.class,
      NodeFailed.class,
      Failure.class,
      Usage.class,
      RunEvent.class,
      RunEventType.class,
      ExecutionPlan.class,
      PlannedNode.class,
      CostEstimate.class,
      Blueprint.class,
      NodeSpec.class,
      LlmNodeSpec.class,
      ToolNodeSpec.class,
      NodeType.class,
      InputMapping.class,
      Limits.class,
      RetryPolicy.class,
      BackoffStrategy.class,
      FailurePolicy.class,
      Scheduling.class,
      Violation.class,
      MessageSerializer.class,
      BlueprintCommandDeserializer.class,
      BlueprintEventDeserializer.class,
      RunCommandDeserializer.class,
      NodeTaskDeserializer.class,
      NodeOutcomeDeserializer.class,
      RunEventDeserializer.class
    })
final class NativeReflection {
  private NativeReflection() {}
}
