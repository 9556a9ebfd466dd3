package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Commands to scheduler-service on {@link Topics#RUN_COMMANDS}, keyed by execution id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = StartRun.class, name = "run.start"),
  @JsonSubTypes.Type(value = CancelRun.class, name = "run.cancel"),
  @JsonSubTypes.Type(value = ResumeRun.class, name = "run.resume"),
  @JsonSubTypes.Type(value = RetryRun.class, name = "run.retry"),
  @JsonSubTypes.Type(value = SubmitDecision.class, name = "run.decision")
})
public sealed interface RunCommand extends IceosMessage
    permits StartRun, CancelRun, ResumeRun, RetryRun, SubmitDecision {
  String executionId();
}
