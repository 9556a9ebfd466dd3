package ai.iceos.blueprint.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Totals of an execution, money in decimal US dollars. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UsageView(
    long promptTokens,
    long completionTokens,
    long totalTokens,
    BigDecimal costUsd,
    long llmCalls,
    long toolExecutions) {
  public UsageView {
    costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
  }

  public static UsageView none() {
    return new UsageView(0, 0, 0, BigDecimal.ZERO, 0, 0);
  }
}
