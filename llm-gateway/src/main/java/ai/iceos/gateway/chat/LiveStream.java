package ai.iceos.gateway.chat;

import ai.iceos.gateway.budget.Reservation;
import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.provider.LlmProvider;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One reserved streamed call: passes the provider's deltas on while collecting them, then settles
 * the reservation once: with the provider's usage when the stream completes, with the tokenizer's
 * count of what was received when it is cut (client gone, provider failed mid-answer), or releases
 * it when the provider failed before sending anything.
 */
final class LiveStream {
  private final LlmProvider provider;
  private final ChatRequest request;
  private final Reservation.Held held;
  private final Attribution who;
  private final Settlement settlement;
  private final TokenMeter meter;
  private final StreamedAnswer answer;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final UUID id = UUID.randomUUID();

  LiveStream(
      LlmProvider provider,
      ChatRequest request,
      Reservation.Held held,
      Attribution who,
      Settlement settlement,
      TokenMeter meter) {
    this.provider = provider;
    this.request = request;
    this.held = held;
    this.who = who;
    this.settlement = settlement;
    this.meter = meter;
    this.answer = new StreamedAnswer(request);
  }

  LiveCompletion start() {
    Multi<StreamPiece> parts =
        provider.stream(request)
            .invoke(answer::add)
            .<StreamPiece>map(StreamPiece.Part::new)
            .onFailure()
            .call(this::cutShort)
            .onCancellation()
            .call(this::cutShort);
    Multi<StreamPiece> settled =
        Uni.createFrom()
            .deferred(this::settle)
            .<StreamPiece>map(StreamPiece.Settled::new)
            .toMulti();
    return new LiveCompletion(
        id,
        Instant.now(),
        provider.name(),
        request.model(),
        Multi.createBy().concatenating().streams(parts, settled));
  }

  /** Books the whole answer; the booking runs to its end even if the client leaves meanwhile. */
  private Uni<Completion> settle() {
    closed.set(true);
    Uni<Completion> booking =
        settlement
            .settle(provider.name(), held, who, answer.toResponse(meter), id)
            .memoize()
            .indefinitely();
    booking.subscribe().with(booked -> {}, failure -> {});
    return booking;
  }

  private Uni<Void> cutShort() {
    if (!closed.compareAndSet(false, true)) {
      return Uni.createFrom().voidItem();
    }
    if (!answer.hasOutput()) {
      return settlement.release(held);
    }
    return settlement
        .settle(provider.name(), held, who, answer.toResponse(meter), id)
        .replaceWithVoid()
        .onFailure()
        .recoverWithNull();
  }
}
