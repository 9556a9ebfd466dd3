package ai.iceos.gateway.messaging;

import ai.iceos.contracts.messaging.UsageRecorded;
import ai.iceos.gateway.store.UsageEntry;

/** Maps a recorded call to its {@link UsageRecorded} event; the message id is the record's id. */
final class UsageEvents {
  private UsageEvents() {}

  static UsageRecorded recorded(UsageEntry entry) {
    var who = entry.attribution();
    var tokens = entry.tokens();
    return new UsageRecorded(
        entry.id(),
        who.orgId(),
        who.executionId(),
        who.nodeId(),
        entry.model(),
        entry.provider(),
        tokens.promptTokens(),
        tokens.cachedPromptTokens(),
        tokens.completionTokens(),
        entry.costMicroUsd(),
        entry.cacheHit(),
        entry.createdAt());
  }
}
