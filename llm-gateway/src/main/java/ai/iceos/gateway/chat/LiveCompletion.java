package ai.iceos.gateway.chat;

import io.smallrye.mutiny.Multi;
import java.time.Instant;
import java.util.UUID;

/**
 * A completion being streamed: its id (also the id of its usage record), start time, the provider
 * serving it and the routed model, and its {@link StreamPiece}s.
 */
public record LiveCompletion(
    UUID id, Instant created, String provider, String model, Multi<StreamPiece> pieces) {}
