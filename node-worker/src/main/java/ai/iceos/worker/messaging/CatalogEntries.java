package ai.iceos.worker.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sends catalog entries to a compacted topic, each keyed by its name. */
final class CatalogEntries {
  private CatalogEntries() {}

  /** Sends every entry and completes with their number once the broker acked them all. */
  static <T> Uni<Integer> publish(
      MutinyEmitter<T> catalog, List<T> entries, Function<T, String> key) {
    return Multi.createFrom()
        .iterable(entries)
        .onItem()
        .transformToUniAndMerge(
            entry ->
                catalog.sendMessage(
                    Message.of(
                        entry,
                        Metadata.of(
                            OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(key.apply(entry))
                                .build()))))
        .collect()
        .last()
        .replaceWith(entries.size());
  }
}
