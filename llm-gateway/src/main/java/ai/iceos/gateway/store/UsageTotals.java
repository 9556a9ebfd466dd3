package ai.iceos.gateway.store;

/** Sums over recorded calls; all zero when there are none. */
public record UsageTotals(
    long promptTokens, long completionTokens, long totalTokens, long costMicroUsd, long calls) {}
