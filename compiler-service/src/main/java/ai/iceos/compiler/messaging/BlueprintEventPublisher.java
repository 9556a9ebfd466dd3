package ai.iceos.compiler.messaging;

import ai.iceos.contracts.messaging.BlueprintEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes verdicts on {@code iceos.blueprint-events.v1}, keyed by blueprint id. */
@ApplicationScoped
class BlueprintEventPublisher {
  private final MutinyEmitter<BlueprintEvent> emitter;

  BlueprintEventPublisher(
      @Channel(Channels.BLUEPRINT_EVENTS) MutinyEmitter<BlueprintEvent> emitter) {
    this.emitter = emitter;
  }

  /** Completes when the broker has acknowledged the event. */
  Uni<Void> publish(BlueprintEvent event) {
    OutgoingKafkaRecordMetadata<String> key =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(event.blueprintId()).build();
    return emitter.sendMessage(Message.of(event).addMetadata(key));
  }
}
