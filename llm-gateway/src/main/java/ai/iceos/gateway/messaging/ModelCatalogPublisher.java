package ai.iceos.gateway.messaging;

import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.gateway.budget.CostTable;
import ai.iceos.gateway.budget.ModelCard;
import ai.iceos.gateway.provider.Providers;
import ai.iceos.gateway.routing.RoutingTable;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes every catalogued model that routing can serve to the compacted {@code
 * iceos.model-catalog.v1}, keyed by model name: shortly after start-up (tried every 30 s until the
 * broker acknowledges), then hourly (the same entry again is harmless on a compacted topic). The
 * message id is derived from the entry's content, so an unchanged entry keeps its id.
 */
@Startup
@ApplicationScoped
public class ModelCatalogPublisher {
  private static final Duration REPUBLISH_AFTER = Duration.ofHours(1);

  private final MutinyEmitter<ModelCatalogEntry> catalog;
  private final CostTable costs;
  private final RoutingTable routing;
  private final Providers providers;
  private final InstantSource clock;
  private volatile Instant publishedAt = Instant.EPOCH;

  ModelCatalogPublisher(
      @Channel(Channels.MODEL_CATALOG) MutinyEmitter<ModelCatalogEntry> catalog,
      CostTable costs,
      RoutingTable routing,
      Providers providers,
      InstantSource clock) {
    this.catalog = catalog;
    this.costs = costs;
    this.routing = routing;
    this.providers = providers;
    this.clock = clock;
  }

  @Scheduled(
      every = "30s",
      delayed = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> publishWhenDue() {
    return publishedAt.plus(REPUBLISH_AFTER).isAfter(clock.instant())
        ? Uni.createFrom().voidItem()
        : publishCatalog();
  }

  Uni<Void> publishCatalog() {
    List<Uni<Void>> sends =
        costs.cards().stream().map(this::entry).flatMap(Optional::stream).map(this::send).toList();
    if (sends.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.join()
        .all(sends)
        .andCollectFailures()
        .invoke(
            () -> {
              publishedAt = clock.instant();
              Log.infof("Published %d models to the model catalog", sends.size());
            })
        .replaceWithVoid()
        .onFailure()
        .invoke(failure -> Log.warnf("Model catalog not published: %s", failure.getMessage()))
        .onFailure()
        .recoverWithNull();
  }

  private Optional<ModelCatalogEntry> entry(ModelCard card) {
    return routing
        .providerFor(card.model())
        .map(routed -> providers.serving(routed).name())
        .map(provider -> entry(card, provider));
  }

  private ModelCatalogEntry entry(ModelCard card, String provider) {
    String content = card + "\u0000" + provider;
    return new ModelCatalogEntry(
        UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)),
        card.model(),
        provider,
        card.contextWindow(),
        card.maxOutputTokens(),
        card.inputMicroUsdPer1M(),
        card.cachedInputMicroUsdPer1M(),
        card.outputMicroUsdPer1M(),
        "llm-gateway",
        clock.instant());
  }

  private Uni<Void> send(ModelCatalogEntry entry) {
    var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(entry.model()).build();
    return catalog.sendMessage(Message.of(entry).addMetadata(key));
  }
}
