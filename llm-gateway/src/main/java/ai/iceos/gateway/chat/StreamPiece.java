package ai.iceos.gateway.chat;

/** One piece of a streamed answer: a provider delta as it arrived, or the settled completion. */
public sealed interface StreamPiece {
  /** A delta to pass on to the client. */
  record Part(ChatDelta delta) implements StreamPiece {}

  /** The last piece: the answer booked with its usage and cost. */
  record Settled(Completion completion) implements StreamPiece {}
}
