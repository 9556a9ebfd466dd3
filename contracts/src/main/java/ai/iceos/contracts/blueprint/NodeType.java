package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The twelve node types of a blueprint (SPEC §1.3), with their wire names. */
public enum NodeType {
  TOOL("tool"),
  LLM("llm"),
  AGENT("agent"),
  CONDITION("condition"),
  WORKFLOW("workflow"),
  LOOP("loop"),
  PARALLEL("parallel"),
  RECURSIVE("recursive"),
  CODE("code"),
  HUMAN("human"),
  MONITOR("monitor"),
  SWARM("swarm");

  private final String wireName;

  NodeType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The type with this wire name, if any; aliases such as {@code ai} are not node types. */
  public static Optional<NodeType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  @JsonCreator
  static NodeType fromJson(String name) {
    return fromWireName(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown node type '" + name + "'"));
  }

  /** Nodes whose work a node-worker does (the others are orchestrated by the scheduler). */
  public boolean runsOnWorker() {
    return switch (this) {
      case TOOL, LLM, AGENT, CODE, SWARM -> true;
      case CONDITION, WORKFLOW, LOOP, PARALLEL, RECURSIVE, HUMAN, MONITOR -> false;
    };
  }
}
