package ai.iceos.blueprint.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.UUID;

/** A partial blueprint: the nodes authored so far. */
public record StoredPartial(UUID id, String orgId, String versionLock, ArrayNode nodes) {
  public StoredPartial {
    nodes = nodes.deepCopy();
  }
}
