package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Commands to compiler-service on {@link Topics#BLUEPRINT_COMMANDS}, keyed by blueprint id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = CompileBlueprint.class, name = "blueprint.compile")})
public sealed interface BlueprintCommand extends IceosMessage permits CompileBlueprint {
  String blueprintId();
}
