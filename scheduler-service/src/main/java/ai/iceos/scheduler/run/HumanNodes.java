package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.ApprovalType;
import ai.iceos.contracts.blueprint.HumanNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.SubmitDecision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * {@code human} nodes (SPEC §2.6, §2.11): the scheduler puts the node in {@code waiting} with
 * {@code node.waiting}, and it ends with a decision ({@code SubmitDecision}), with an automatic
 * approval once {@code auto_approve_after} seconds have passed, or failed once {@code
 * timeout_seconds} have passed without either. The 30 s default timeout does not apply: without
 * {@code timeout_seconds} it waits until decided or cancelled.
 */
final class HumanNodes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private HumanNodes() {}

  static void await(Step step, String path, HumanNodeSpec human) {
    Instant autoApprove = after(step.now, human.autoApproveAfter());
    Instant timeout = after(step.now, human.timeoutSeconds());
    Instant deadline = autoApprove != null ? autoApprove : timeout;
    step.put(path, step.node(path).waiting(step.now, deadline));
    ObjectNode data = JSON.objectNode().put("prompt_message", human.promptMessage());
    ApprovalType type =
        human.approvalType() == null ? ApprovalType.APPROVE_REJECT : human.approvalType();
    data.put("approval_type", type.name().toLowerCase());
    var choices = data.putArray("choices");
    if (human.choices() != null) {
      human.choices().forEach(choices::add);
    }
    putOptional(data, "timeout_seconds", human.timeoutSeconds());
    putOptional(data, "auto_approve_after", human.autoApproveAfter());
    step.emit(RunEventType.NODE_WAITING, path, data);
  }

  /** Applies a decision to a waiting node; anything else is ignored (false). */
  static boolean decide(Step step, SubmitDecision decision) {
    NodeState node = step.node(decision.nodeId());
    if (node == null || node.status() != NodeStatus.WAITING) {
      return false;
    }
    String by =
        decision.decidedBy() == null || decision.decidedBy().isBlank()
            ? "human"
            : decision.decidedBy();
    ControlFlow.complete(
        step,
        decision.nodeId(),
        output(decision.approved(), decision.response(), decision.choice(), decision.input(), by));
    return true;
  }

  /** Auto-approves or times out every waiting node whose deadline has passed. */
  static void expire(Step step) {
    for (String id : step.allPaths()) {
      NodeState node = step.node(id);
      if (node.status() != NodeStatus.WAITING
          || node.deadlineAt() == null
          || node.deadlineAt().isAfter(step.now)) {
        continue;
      }
      HumanNodeSpec human = (HumanNodeSpec) step.planned(id).spec();
      Instant autoApprove = after(node.startedAt(), human.autoApproveAfter());
      if (autoApprove != null && !autoApprove.isAfter(step.now)) {
        ControlFlow.complete(step, id, output(true, null, null, null, "auto"));
      } else {
        ControlFlow.fail(
            step,
            id,
            Failure.permanent("timeout", "No decision within " + human.timeoutSeconds() + " s"));
      }
    }
  }

  private static ObjectNode output(
      boolean approved, String response, String choice, JsonNode input, String decidedBy) {
    ObjectNode output = JSON.objectNode().put("approved", approved);
    output.put("response", response);
    output.put("choice", choice);
    output.set("input", input == null ? JSON.nullNode() : input);
    output.put("decided_by", decidedBy);
    return output;
  }

  private static Instant after(Instant start, Integer seconds) {
    return seconds == null ? null : start.plusSeconds(seconds);
  }

  private static void putOptional(ObjectNode data, String name, Integer value) {
    if (value == null) {
      data.putNull(name);
    } else {
      data.put(name, value);
    }
  }
}
