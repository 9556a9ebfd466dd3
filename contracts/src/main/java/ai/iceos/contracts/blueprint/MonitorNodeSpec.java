package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that evaluates a metric expression over the execution's metrics (SPEC §2.6, §2.11) when
 * its dependencies are done and then periodically, and alerts, pauses or aborts on trigger.
 *
 * @param metricExpression boolean expression over {@code total_tokens}, {@code cost_usd}, …
 * @param actionOnTrigger what a trigger does, or null for {@code alert_only}
 * @param alertChannels subset of email, slack, webhook, sms, dashboard; never null
 * @param checkIntervalSeconds seconds between evaluations, or null for 5
 */
public record MonitorNodeSpec(
    String id,
    String name,
    List<String> dependencies,
    Integer timeoutSeconds,
    Integer retries,
    Double backoffSeconds,
    RetryPolicy retryPolicy,
    JsonNode inputSchema,
    JsonNode outputSchema,
    Map<String, InputMapping> inputMappings,
    Map<String, String> outputMappings,
    Boolean useCache,
    JsonNode metadata,
    String provider,
    String metricExpression,
    MonitorAction actionOnTrigger,
    List<String> alertChannels,
    Integer checkIntervalSeconds)
    implements NodeSpec {
  public MonitorNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    alertChannels = NodeFields.list(alertChannels);
  }

  @Override
  public NodeType kind() {
    return NodeType.MONITOR;
  }
}
