package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.ChatCompletions;
import ai.iceos.gateway.chat.LiveCompletion;
import ai.iceos.gateway.chat.StreamPiece;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /v1/chat/completions} with {@code "stream": true}: a {@code text/event-stream} of
 * {@code chat.completion.chunk}s written as the provider's deltas arrive. A Vert.x route ahead of
 * JAX-RS, because one JAX-RS method cannot answer JSON or an open-ended event stream depending on
 * the body: every other request (no stream, or a body it cannot read) falls through to {@link
 * ChatCompletionResource} with its body already read. Refusals (budget, rate limit, open breaker)
 * and a provider failing before its first delta are answered as the usual JSON errors.
 */
@ApplicationScoped
class ChatStreamRoute {
  private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

  private final ChatCompletions completions;
  private final ObjectMapper json;

  ChatStreamRoute(ChatCompletions completions, ObjectMapper json) {
    this.completions = completions;
    this.json = json;
  }

  void install(@Observes Router router) {
    router
        .post("/v1/chat/completions")
        .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
        .handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
        .handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    var buffer = ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      // Quarkus REST would wait for a body this route has already consumed
      fail(ctx.response(), GatewayException.invalid("A JSON request body is required.", null));
      return;
    }
    ChatCompletionRequest body = streamRequest(buffer);
    if (body == null) {
      ctx.next();
      return;
    }
    var who =
        new Attribution(
            ctx.request().getHeader("X-Iceos-Org-Id"),
            ctx.request().getHeader("X-Iceos-Execution-Id"),
            ctx.request().getHeader("X-Iceos-Node-Id"));
    try {
      completions.stream(body.toChatRequest(), who)
          .subscribe()
          .with(live -> send(ctx, live), failure -> fail(ctx.response(), failure));
    } catch (RuntimeException e) {
      fail(ctx.response(), e);
    }
  }

  /**
   * The body when it is a readable chat request with {@code stream: true}; otherwise null. Most
   * requests do not stream: their body is only scanned for a top-level {@code "stream": true}
   * (tokens, no objects built) and is bound once, by JAX-RS.
   */
  private ChatCompletionRequest streamRequest(Buffer buffer) {
    byte[] bytes = buffer.getBytes();
    try {
      if (!asksToStream(bytes)) {
        return null;
      }
      ChatCompletionRequest body = json.readValue(bytes, ChatCompletionRequest.class);
      return body != null && Boolean.TRUE.equals(body.stream()) ? body : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether the JSON object in {@code bytes} has {@code "stream": true} at its top level. */
  private boolean asksToStream(byte[] bytes) throws IOException {
    try (JsonParser parser = json.getFactory().createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean streams = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean stream = "stream".equals(parser.currentName());
        JsonToken value = parser.nextToken();
        if (stream) {
          streams = value == JsonToken.VALUE_TRUE; // the last one counts, as when bound
        }
        parser.skipChildren();
      }
      return streams;
    }
  }

  private void send(RoutingContext ctx, LiveCompletion live) {
    HttpServerResponse response = ctx.response();
    var chunks = new CompletionChunks(live, json);
    var started = new AtomicBoolean();
    Cancellable subscription =
        live.pieces()
            .subscribe()
            .with(
                piece -> {
                  if (response.closed()) {
                    return;
                  }
                  if (started.compareAndSet(false, true)) {
                    response
                        .setChunked(true)
                        .putHeader("Content-Type", CompletionStream.MEDIA_TYPE)
                        .putHeader("Cache-Control", "no-cache");
                  }
                  String events =
                      switch (piece) {
                        case StreamPiece.Part part -> chunks.delta(part.delta());
                        case StreamPiece.Settled settled -> chunks.finish(settled.completion());
                      };
                  if (!events.isEmpty()) {
                    response.write(events);
                  }
                },
                failure -> {
                  if (started.get()) {
                    if (!response.closed()) {
                      response.end();
                    }
                  } else {
                    fail(response, failure);
                  }
                },
                () -> {
                  if (!response.closed()) {
                    response.end("data: [DONE]\n\n");
                  }
                });
    response.closeHandler(ignored -> subscription.cancel());
  }

  private void fail(HttpServerResponse response, Throwable failure) {
    if (response.ended() || response.closed()) {
      return;
    }
    var error = ErrorMapper.forFailure(failure);
    response.setStatusCode(error.getStatus()).putHeader("Content-Type", "application/json");
    error
        .getHeaders()
        .forEach(
            (name, values) -> values.forEach(v -> response.putHeader(name, String.valueOf(v))));
    try {
      response.end(json.writeValueAsString(error.getEntity()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
