package ai.iceos.gateway.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a call is for, from the {@code X-Iceos-*} request headers; each part is null when its header
 * is absent or blank.
 */
public record Attribution(String orgId, String executionId, String nodeId) {
  public Attribution {
    orgId = blankToNull(orgId);
    executionId = blankToNull(executionId);
    nodeId = blankToNull(nodeId);
  }

  /**
   * The budget scopes this call is charged to, in a fixed (sorted) order so that concurrent
   * reservations lock rows in the same order.
   */
  public List<String> budgetScopes() {
    List<String> scopes = new ArrayList<>(2);
    if (executionId != null) {
      scopes.add("execution:" + executionId);
    }
    if (orgId != null) {
      scopes.add("org:" + orgId);
    }
    return scopes.stream().sorted().toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
