package ai.iceos.blueprint.api;

import ai.iceos.blueprint.store.EventBatch;
import ai.iceos.blueprint.store.ExecutionQueries;
import ai.iceos.blueprint.waiting.WaitKeys;
import ai.iceos.blueprint.waiting.Wakeups;
import ai.iceos.contracts.messaging.RunEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The run events of an execution as Server-Sent Events: every stored event in sequence order
 * ({@code id:} = sequence, {@code event:} = event type), then live ones as they are stored, ending
 * after the terminal event. A client that reconnects with {@code Last-Event-ID} (or {@code
 * ?last_event_id=}) gets exactly the events after that sequence. A retry continues a failed
 * execution's events (decision 0113): a stream that starts with nothing after a failed execution's
 * end waits one keep-alive window for them before it ends (docs/events.md). {@link
 * EventStreamGuard} has checked that the caller's org owns the execution.
 */
@Path("/api/v1/executions/{id}/events")
public class ExecutionEventsResource {
  private static final int BATCH = 500;
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final ExecutionQueries queries;
  private final Wakeups wakeups;

  ExecutionEventsResource(ExecutionQueries queries, Wakeups wakeups) {
    this.queries = queries;
    this.wakeups = wakeups;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(
      @RestPath String id,
      @RestHeader("Last-Event-ID") String lastEventId,
      @RestQuery("last_event_id") String lastEventIdQuery,
      @Context Sse sse) {
    UUID executionId = Ids.require(id, "execution");
    long after = lastSequence(lastEventId != null ? lastEventId : lastEventIdQuery);
    return events(executionId, after).onItem().transformToIterable(batch -> toSse(batch, sse));
  }

  /** Batches until one ends the stream; a batch with nothing new becomes a keep-alive comment. */
  private Multi<EventBatch> events(UUID id, long after) {
    AtomicLong sent = new AtomicLong(after);
    AtomicBoolean atFailedEnd = new AtomicBoolean();
    return Multi.createBy()
        .repeating()
        .uni(() -> next(id, sent, atFailedEnd))
        .whilst(batch -> !batch.ends());
  }

  /**
   * The next batch, or a keep-alive after {@link #KEEP_ALIVE} without news. At the end of a failed
   * execution it waits for a retry's events instead, and ends the stream if none came.
   */
  private Uni<EventBatch> next(UUID id, AtomicLong sent, AtomicBoolean atFailedEnd) {
    return wakeups
        .await(
            WaitKeys.execution(id.toString()),
            () ->
                queries
                    .eventsAfter(id, sent.get(), BATCH)
                    .invoke(batch -> atFailedEnd.set(batch.failedEnd()))
                    .map(batch -> Optional.of(batch).filter(b -> b.hasNews() && !b.failedEnd())),
            KEEP_ALIVE)
        .map(
            found ->
                found.orElseGet(() -> atFailedEnd.get() ? EventBatch.end() : EventBatch.none()))
        .invoke(
            batch -> {
              if (!batch.events().isEmpty()) {
                sent.set(batch.events().get(batch.events().size() - 1).sequence());
              }
            });
  }

  private static List<OutboundSseEvent> toSse(EventBatch batch, Sse sse) {
    if (!batch.hasNews()) {
      return List.of(sse.newEventBuilder().comment("keep-alive").build());
    }
    return batch.events().stream().map(event -> toSse(event, sse)).toList();
  }

  private static OutboundSseEvent toSse(RunEvent event, Sse sse) {
    return sse.newEventBuilder()
        .id(Long.toString(event.sequence()))
        .name(event.eventType().wireName())
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(StreamedEvent.class, StreamedEvent.of(event))
        .build();
  }

  private static long lastSequence(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    try {
      long sequence = Long.parseLong(raw.trim());
      if (sequence >= 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ProblemException(
        ProblemType.BAD_REQUEST, "Last-Event-ID must be the sequence number of an event.");
  }
}
