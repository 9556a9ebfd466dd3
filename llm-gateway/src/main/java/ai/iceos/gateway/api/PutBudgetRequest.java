package ai.iceos.gateway.api;

import java.math.BigDecimal;

/**
 * The body of {@code PUT /api/v1/budgets/{scope}}: the limit in USD and the period it applies to
 * ({@code total}, {@code day} or {@code month}; null means {@code total}).
 */
public record PutBudgetRequest(BigDecimal limitUsd, String period) {}
