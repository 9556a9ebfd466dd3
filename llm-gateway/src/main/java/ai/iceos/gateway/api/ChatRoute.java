package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.CachedCompletions;
import ai.iceos.gateway.chat.ChatCompletions;
import ai.iceos.gateway.chat.Completion;
import ai.iceos.gateway.chat.LiveCompletion;
import ai.iceos.gateway.chat.StreamPiece;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
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
 * {@code POST /v1/chat/completions}, as a Vert.x route ahead of JAX-RS: with {@code "stream": true}
 * a {@code text/event-stream} of {@code chat.completion.chunk}s written as the provider's deltas
 * arrive (one JAX-RS method cannot answer JSON or an open-ended event stream depending on the
 * body), otherwise the {@code chat.completion} JSON. The body is bound once, here; serving whole
 * answers here too spares every call JAX-RS's second binding and its handler chain (decision 0144).
 * A request this route does not serve (a body it cannot bind, a JSON answer the client does not
 * accept, a body that is not declared JSON) falls through to {@link ChatCompletionResource} with
 * its body already read, which answers it, errors included, as before. Refusals (budget, rate
 * limit, open breaker) and a provider failing before its first delta are answered as the usual JSON
 * errors.
 */
@ApplicationScoped
class ChatRoute {
  private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
  private static final String JSON = "application/json";
  private static final String JSON_UTF8 = "application/json;charset=UTF-8";

  private final ChatCompletions completions;
  private final CachedCompletions whole;
  private final ObjectMapper json;
  private final ObjectReader requests;

  ChatRoute(ChatCompletions completions, CachedCompletions whole, ObjectMapper json) {
    this.completions = completions;
    this.whole = whole;
    this.json = json;
    // the request type resolved once, not on every call (decision 0146)
    this.requests = json.readerFor(ChatCompletionRequest.class);
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
    ChatCompletionRequest body = read(buffer);
    boolean streams = body != null && Boolean.TRUE.equals(body.stream());
    if (body == null || (!streams && !servesJson(ctx.request()))) {
      ctx.next();
      return;
    }
    var request = ctx.request();
    var who =
        new Attribution(
            request.getHeader("X-Iceos-Org-Id"),
            request.getHeader("X-Iceos-Execution-Id"),
            request.getHeader("X-Iceos-Node-Id"));
    try {
      if (streams) {
        completions.stream(body.toChatRequest(), who)
            .subscribe()
            .with(live -> send(ctx, live), failure -> fail(ctx.response(), failure));
      } else {
        HttpServerResponse response = ctx.response();
        Cancellable call =
            whole
                .complete(body.toChatRequest(), who, request.getHeader("X-Iceos-Cache"))
                .subscribe()
                .with(done -> answer(response, done), failure -> fail(response, failure));
        if (!response.ended()) {
          response.closeHandler(ignored -> call.cancel());
        }
      }
    } catch (RuntimeException e) {
      fail(ctx.response(), e);
    }
  }

  /** The body bound to a chat request; null when it cannot be (JAX-RS then says why). */
  private ChatCompletionRequest read(Buffer buffer) {
    try {
      return requests.readValue(buffer.getBytes());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Whether a whole answer is served here: the body is declared JSON and the client accepts JSON
   * (what the JAX-RS resource consumes and produces; it answers 415 or 406 otherwise).
   */
  private static boolean servesJson(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return type != null
        && type.regionMatches(true, 0, JSON, 0, JSON.length())
        && (type.length() == JSON.length() || type.charAt(JSON.length()) == ';')
        && (accept == null || accept.contains("json") || accept.contains("*/*"));
  }

  private void answer(HttpServerResponse response, Completion completion) {
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON_UTF8)
        .end(Buffer.buffer(ChatCompletionJson.write(ChatCompletionView.of(completion))));
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
