package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * compiler-service's verdicts on {@link Topics#BLUEPRINT_EVENTS}, keyed by blueprint id. Each
 * answers exactly one {@link CompileBlueprint} ({@code causationId}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = BlueprintCompiled.class, name = "blueprint.compiled"),
  @JsonSubTypes.Type(value = BlueprintRejected.class, name = "blueprint.rejected")
})
public sealed interface BlueprintEvent extends IceosMessage
    permits BlueprintCompiled, BlueprintRejected {
  /** The id of the command this answers. */
  UUID causationId();

  String blueprintId();

  long revision();
}
